namespace SocialeKaart.Indexer.Tests.Support;

/// <summary>A clock that stands still at a chosen moment (Dutch local time).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public static FixedTimeProvider AtLocal(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var offset = Kaart.Content.Rooster.Amsterdam.GetUtcOffset(local);
        return new FixedTimeProvider(new DateTimeOffset(local, offset));
    }
}
