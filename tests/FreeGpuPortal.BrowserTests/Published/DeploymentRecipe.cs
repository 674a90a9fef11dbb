using System.Text;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>One numbered step of the recipe in docs/deployment.md, with the commands of its <c>sh</c> blocks in order.</summary>
public sealed record RecipeStep(int Number, string Title, IReadOnlyList<string> Commands);

/// <summary>
/// Reads the recipe of docs/deployment.md ("## The recipe…" up to the next "## " heading): its "### N. Title" steps and,
/// per step, the commands of its <c>```sh</c> blocks — one per line, a line ending in a backslash joined with the next,
/// a here-document kept whole with its lines. Blocks marked otherwise (<c>console</c>, <c>nginx</c>) are examples, not
/// commands to run.
/// </summary>
public static partial class DeploymentRecipe
{
    public const string SectionHeading = "## The recipe";

    public static IReadOnlyList<RecipeStep> Read(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith(SectionHeading, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/deployment.md has no \"{SectionHeading}\" section.");
        }

        var steps = new List<RecipeStep>();
        (int Number, string Title, List<string> Commands)? current = null;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            if (StepHeading().Match(line) is { Success: true } heading)
            {
                if (current is { } done)
                {
                    steps.Add(new RecipeStep(done.Number, done.Title, done.Commands));
                }

                current = (int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), heading.Groups[2].Value.Trim(), []);
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var isCommands = line.Trim() == "```sh";
                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    block.Add(lines[i]);
                }

                if (isCommands)
                {
                    if (current is null)
                    {
                        throw new InvalidOperationException("A command block in the recipe comes before its first numbered step.");
                    }

                    current.Value.Commands.AddRange(Commands(block));
                }
            }
        }

        if (current is { } last)
        {
            steps.Add(new RecipeStep(last.Number, last.Title, last.Commands));
        }

        return steps;
    }

    private static IEnumerable<string> Commands(List<string> block)
    {
        for (var i = 0; i < block.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(block[i]) || block[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            var command = new StringBuilder(block[i]);
            while (command.ToString().EndsWith('\\') && i + 1 < block.Count)
            {
                command.Append('\n').Append(block[++i]);
            }

            if (HereDocument().Match(command.ToString()) is { Success: true } here)
            {
                var terminator = here.Groups[1].Value;
                while (i + 1 < block.Count)
                {
                    command.Append('\n').Append(block[++i]);
                    if (block[i] == terminator)
                    {
                        break;
                    }
                }
            }

            yield return command.ToString();
        }
    }

    [GeneratedRegex(@"^### (\d+)\. (.+)$")]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"<<-?'?(\w+)'?")]
    private static partial Regex HereDocument();
}
