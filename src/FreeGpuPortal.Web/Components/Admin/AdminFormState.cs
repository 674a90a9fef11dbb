using System.Text;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>
/// What the platform form's inputs share: the validator's messages keyed by property path, which fields the admin has
/// touched (a message shows under a field once its group was changed, and everywhere after a save attempt), and the
/// callback that validates again after a change.
/// </summary>
public sealed class AdminFormState
{
    private static readonly IReadOnlyDictionary<string, string[]> s_none = new Dictionary<string, string[]>();
    private readonly HashSet<string> _touchedGroups = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = s_none;

    /// <summary>Set by a save attempt: every message shows, touched or not.</summary>
    public bool ShowAll { get; set; }

    public bool IsDirty => _touchedGroups.Count > 0;

    /// <summary>Runs after every change: validates the model again.</summary>
    public Func<Task> OnChanged { get; set; } = () => Task.CompletedTask;

    public async Task ChangedAsync(string path)
    {
        _touchedGroups.Add(Group(path));
        await OnChanged();
    }

    /// <summary>The messages to show under the field at <paramref name="path"/> now.</summary>
    public string[] MessagesFor(string path)
    {
        if (!Errors.TryGetValue(path, out var messages))
        {
            return [];
        }

        var visible = ShowAll
            || _touchedGroups.Contains(Group(path))
            || (path.StartsWith("Evidence.", StringComparison.Ordinal) && IsDirty);
        return visible ? messages : [];
    }

    public bool HasError(string path) => MessagesFor(path).Length > 0;

    /// <summary>A field's group: a spec value, a GPU row or a list item is one group (<c>IdleTimeoutMinutes</c>, <c>Gpus[1]</c>).</summary>
    public static string Group(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }

    /// <summary>The id of the input for a property path, e.g. <c>f-IdleTimeoutMinutes-Min</c>.</summary>
    public static string InputId(string path) => "f-" + Sanitize(path);

    /// <summary>The id of the message element under an input, referenced by its <c>aria-describedby</c>.</summary>
    public static string ErrorId(string path) => "e-" + Sanitize(path);

    private static string Sanitize(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString().Replace("--", "-", StringComparison.Ordinal).TrimEnd('-');
    }
}
