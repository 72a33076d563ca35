using System.CommandLine;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Hsds;

/// <summary><c>import</c>: an HSDS 3.0 export (file or folder) into content files.</summary>
internal static class ImportCommand
{
    public static Command Import()
    {
        var bron = new Argument<string>("bron") { Description = "Een HSDS 3.0-export: een JSON- of NDJSON-bestand, of een map met zulke bestanden" };
        var content = new Option<string>("--content") { Description = "De map met content (standaard: content); het aanbod komt in aanbod/", DefaultValueFactory = _ => "content" };
        var levensdomein = new Option<string?>("--levensdomein") { Description = "Het levensdomein voor diensten die er geen hebben (bijvoorbeeld zorgen)" };
        var overschrijven = new Option<bool>("--overschrijven") { Description = "Bestaand aanbod met dezelfde id overschrijven" };
        var command = new Command("import", "Lees een HSDS 3.0-export in als contentbestanden. Wat niet past: record: melding.") { bron, content, levensdomein, overschrijven };
        command.SetAction((parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var map = parse.GetValue(content)!;
            var taxonomieBestand = Path.Combine(map, "taxonomie.yml");
            if (!File.Exists(taxonomieBestand))
            {
                error.WriteLine($"{taxonomieBestand}: de taxonomie ontbreekt; zonder taxonomie kan niets worden ingelezen.");
                return Task.FromResult(2);
            }

            var taxonomie = Taxonomie.Parse(File.ReadAllText(taxonomieBestand));
            if (parse.GetValue(levensdomein) is { } l && !taxonomie.IsLevensdomein(l))
            {
                error.WriteLine($"--levensdomein: '{l}' staat niet in taxonomie.yml.");
                return Task.FromResult(2);
            }

            var resultaat = new HsdsImport(taxonomie, new ImportOpties(parse.GetValue(levensdomein), parse.GetValue(overschrijven))).Voer(parse.GetValue(bron)!, map);
            foreach (var probleem in resultaat.Problemen)
            {
                error.WriteLine(probleem);
            }

            output.WriteLine($"{resultaat.Geschreven.Count} aanbod ingelezen in {Path.Combine(map, "aanbod")}, {resultaat.Overgeslagen} overgeslagen.");
            return Task.FromResult(resultaat.Overgeslagen == 0 && resultaat.Problemen.All(p => p.Contains(": let op: ", StringComparison.Ordinal)) ? 0 : 1);
        });
        return command;
    }
}
