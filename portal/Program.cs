using SocialeKaart.Portal.Components;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Gezondheid;
using SocialeKaart.Portal.Features.Lijstje;
using SocialeKaart.Portal.Features.Melding;
using SocialeKaart.Portal.Features.Publiceren;
using SocialeKaart.Portal.Features.Terugmelden;
using SocialeKaart.Portal.Features.OpenData;
using SocialeKaart.Portal.Features.Stuurinformatie;
using SocialeKaart.Portal.Features.Talen;
using SocialeKaart.Portal.Features.Zoeken;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddLogboek();
builder.AddAdressen();
builder.AddSleutels();
builder.AddZoeken();
builder.AddMelding();
builder.AddBerichten();
builder.AddPubliceren();
builder.AddAccounts();
builder.AddLimieten();
builder.AddOpenData();
builder.AddStuurinformatie();
builder.AddGezondheid();
builder.AddTalen();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.BouwZoekindexAsync();
await app.InitialiseerSleutelsAsync();
await app.InitialiseerAccountsAsync();

app.UseGeldigeHost();
app.UseProxies();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
// A new scope: a page that already rendered (and failed) must not share its NavigationManager with the status page.
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseZoekindexStoring();
app.UseVerzoekControle();
app.UseRouting();
app.UseTaalkeuze();
app.UseStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseLimieten();
app.UseAntiforgery();

app.MapGezondheid();
app.MapZoekApi();
app.MapOpenData();
app.MapOpenDataOpenApi();
app.MapStuurinformatie();
app.MapLijstje();
app.MapTerugmelden();
app.MapAccounts();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
