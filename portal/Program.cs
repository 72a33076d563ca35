using SocialeKaart.Portal.Components;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Lijstje;
using SocialeKaart.Portal.Features.Melding;
using SocialeKaart.Portal.Features.OpenData;
using SocialeKaart.Portal.Features.Stuurinformatie;
using SocialeKaart.Portal.Features.Zoeken;

var builder = WebApplication.CreateBuilder(args);
builder.AddSleutels();
builder.AddZoeken();
builder.AddMelding();
builder.AddAccounts();
builder.AddLimieten();
builder.AddOpenData();
builder.AddStuurinformatie();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAntiforgery();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.BouwZoekindexAsync();
await app.InitialiseerAccountsAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseLimieten();
app.UseAntiforgery();

app.MapZoekApi();
app.MapOpenData();
app.MapOpenDataOpenApi();
app.MapStuurinformatie();
app.MapLijstje();
app.MapAccounts();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
