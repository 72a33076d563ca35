using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Berichten;

/// <summary>How messages leave the portal (section "Mail"). Without <see cref="Host"/> nothing is sent and every message
/// waits in the outbox, visible to the beheerder (the embedded default).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty: no sending.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (default), SslOnConnect or Auto, as MailKit names them.</summary>
    public SecureSocketOptions Beveiliging { get; set; } = SecureSocketOptions.StartTls;

    public string? Gebruiker { get; set; }

    public string? Wachtwoord { get; set; }

    [Required]
    public string Van { get; set; } = "Makelpunt Veenendaal <makelpunt@veenendaal.example>";

    /// <summary>How often the outbox is looked at.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seconds to wait for the mail server.</summary>
    [Range(1, 300)]
    public int TimeoutSeconden { get; set; } = 30;

    public bool Aan => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends the outbox with MailKit. A message that the server refuses or cannot take (server down, timeout) is tried
/// again later — after 1, 5 and 15 minutes, 1 and 4 hours, then every 12 hours — and given up after ten attempts (about three days), when
/// the beheerder sees it as failed. Nothing is lost when the mail server is down: the message stays in the store.
/// Logs counts and error types only, never an address or a text.
/// </summary>
public sealed partial class Postbode(IMakelpuntStore store, IOptions<MailOptions> options, TimeProvider time, ILogger<Postbode> logger)
    : BackgroundService
{
    private const int PerRonde = 50;

    public const int MaxPogingen = 10;

    private static readonly TimeSpan[] Wachttijden =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Aan)
        {
            LogGeenServer();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await BezorgAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRondeMislukt(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every message that is due, over one connection. Returns how many were delivered.</summary>
    public async Task<int> BezorgAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        // The claim outlasts the longest this round can take (every SMTP step has the timeout), so no other instance
        // sends these messages meanwhile; when this instance dies, they are due again once it runs out.
        var nu = time.GetUtcNow();
        var berichten = await store.TeVersturenAsync(nu, nu + Claimduur(o), PerRonde, cancellationToken);
        if (berichten.Count == 0 || !o.Aan)
        {
            return 0;
        }

        var bezorgd = 0;
        using var smtp = new SmtpClient { Timeout = o.TimeoutSeconden * 1000 };
        try
        {
            await smtp.ConnectAsync(o.Host!, o.Port, o.Beveiliging, cancellationToken);
            if (!string.IsNullOrEmpty(o.Gebruiker))
            {
                await smtp.AuthenticateAsync(o.Gebruiker, o.Wachtwoord ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var b in berichten)
            {
                await store.NietBezorgdAsync(b.Id, $"De mailserver was niet bereikbaar ({e.GetType().Name}).", Volgende(b), cancellationToken);
            }

            LogNietBereikbaar(berichten.Count, e.GetType().Name);
            return 0;
        }

        foreach (var b in berichten)
        {
            try
            {
                await smtp.SendAsync(Mail(o, b), cancellationToken);
                await store.BezorgdAsync(b.Id, time.GetUtcNow(), cancellationToken);
                bezorgd++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or ParseException or TimeoutException)
            {
                // The reason the server gave is about the message, not its content: safe to keep for the beheerder.
                var reden = e is SmtpCommandException c ? $"{(int)c.StatusCode} {c.ErrorCode}" : e.GetType().Name;
                await store.NietBezorgdAsync(b.Id, "De mailserver nam het bericht niet aan: " + reden, Volgende(b), cancellationToken);
                if (!smtp.IsConnected)
                {
                    break;
                }
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }

        LogBezorgd(bezorgd, berichten.Count);
        return bezorgd;
    }

    /// <summary>How long a round may take at most: connecting, authenticating and sending each message, each within the timeout.</summary>
    internal static TimeSpan Claimduur(MailOptions o) => TimeSpan.FromSeconds(o.TimeoutSeconden * (PerRonde + 3));

    /// <summary>The next attempt after a failure, or null to give up: ten attempts span about three days.</summary>
    private DateTimeOffset? Volgende(TeVersturen b) =>
        b.Pogingen + 1 >= MaxPogingen
            ? null
            : time.GetUtcNow() + (b.Pogingen < Wachttijden.Length ? Wachttijden[b.Pogingen] : TimeSpan.FromHours(12));

    private static MimeMessage Mail(MailOptions o, TeVersturen b)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.Van));
        mail.To.Add(MailboxAddress.Parse(b.Aan));
        mail.Subject = b.Onderwerp;
        mail.Body = new TextPart("plain") { Text = b.Tekst };
        return mail;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Geen mailserver ingesteld (Mail:Host): berichten blijven in het postvak")]
    private partial void LogGeenServer();

    [LoggerMessage(Level = LogLevel.Information, Message = "Postvak: {Bezorgd} van {Aantal} berichten bezorgd")]
    private partial void LogBezorgd(int bezorgd, int aantal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postvak: mailserver niet bereikbaar ({Fout}); {Aantal} berichten later opnieuw")]
    private partial void LogNietBereikbaar(int aantal, string fout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Postvak: ronde mislukt ({Fout}); volgende ronde probeert opnieuw")]
    private partial void LogRondeMislukt(string fout);
}

public static class BerichtenServices
{
    public static WebApplicationBuilder AddBerichten(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Postbode>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Postbode>());
        return builder;
    }
}
