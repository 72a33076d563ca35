using SocialeKaart.Portal.Components;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Lijstje;
using SocialeKaart.Portal.Features.Zoeken;

var builder = WebApplication.CreateBuilder(args);
builder.AddZoeken();
builder.Services.AddRazorComponents();
builder.Services.AddAntiforgery();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.BouwZoekindexAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseAntiforgery();

app.MapZoekApi();
app.MapLijstje();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
