using System.Globalization;
using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace SocialeKaart.Portal.Tests;

/// <summary>A real SMTP server on a free port and a portal that delivers its outbox to it (every hour by itself; tests
/// call <c>Postbode.BezorgAsync</c> when they want the mail now).</summary>
internal static class TestSmtp
{
    public static (SimpleSmtpServer Server, PortalFactory Portal) Start()
    {
        var poort = VrijePoort();
        var portal = new PortalFactory();
        portal.Instellingen["Mail:Host"] = "127.0.0.1";
        portal.Instellingen["Mail:Port"] = poort.ToString(CultureInfo.InvariantCulture);
        portal.Instellingen["Mail:Beveiliging"] = "None";
        portal.Instellingen["Mail:Interval"] = "01:00:00";
        portal.Instellingen["Mail:TimeoutSeconden"] = "5";
        return (SimpleSmtpServer.Start(poort), portal);
    }

    public static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
