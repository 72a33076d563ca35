using Microsoft.AspNetCore.Diagnostics;

namespace SocialeKaart.Portal.Features.Beveiliging;

public static class PaginaStatus
{
    /// <summary>A page that renders its own helpful error content sets the status code here, so the
    /// status-code-pages middleware does not replace that content.</summary>
    public static void ZetStatus(this HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } feature)
        {
            feature.Enabled = false;
        }
    }
}
