using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

using FreeGpuPortal.Web.Auditing;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Feeds;

// The change feed, and what a feed is about.

/// <summary>
/// Writes catalog changes as an Atom feed (RFC 4287): per change the platform, each field old → new in the words the
/// platform page uses, the evidence link and the note. Admin identities are not in the entries it is given, and the
/// feed's author is the portal.
/// </summary>
public static class ChangeFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedInfo info, IReadOnlyList<HistoryEntry> entries, string portalName, IStringLocalizer l)
    {
        // An empty feed still needs an "updated": the start of the catalog's history is as true as any.
        var updated = entries.Count > 0 ? entries.Max(e => e.AtUtc) : DateTime.UnixEpoch;
        var feed = new XElement(
            Atom + "feed",
            new XElement(Atom + "id", info.FeedUrl),
            new XElement(Atom + "title", info.Title),
            new XElement(Atom + "subtitle", l["Feed.Subtitle"].Value),
            new XElement(Atom + "updated", Time(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", portalName)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", info.FeedUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", info.PageUrl)),
            entries.Select(entry => Entry(info, entry, l)));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The first line of an entry, e.g. "Kaggle: edited — Session length (h): 9 → 12".</summary>
    public static string Title(HistoryEntry entry, IStringLocalizer l)
    {
        var kind = l[$"History.Kind.{entry.Kind}"].Value;
        return entry.Fields.Count switch
        {
            0 => l["Feed.Entry.Title", entry.PlatformName ?? "", kind],
            1 => l["Feed.Entry.TitleOneField", entry.PlatformName ?? "", kind, FieldChange(entry.Fields[0], l)],
            var n => l["Feed.Entry.TitleFields", entry.PlatformName ?? "", kind, n],
        };
    }

    private static string FieldChange(FieldChangeEntry field, IStringLocalizer l) =>
        $"{Label(field, l)}: {field.OldValue ?? l["Feed.NoValue"]} → {field.NewValue ?? l["Feed.NoValue"]}";

    /// <summary>The field's name in the feed's language where the form has one ("简介（中文）"), else as recorded.</summary>
    private static string Label(FieldChangeEntry field, IStringLocalizer l) =>
        l["Admin.Field." + field.Field] is { ResourceNotFound: false } label ? label.Value : field.Label;

    private static XElement Entry(FeedInfo info, HistoryEntry entry, IStringLocalizer l)
    {
        var page = info.PlatformPageUrlPrefix + Uri.EscapeDataString(entry.PlatformSlug ?? "");
        return new XElement(
            Atom + "entry",
            new XElement(Atom + "id", $"{page}#change-{entry.Id.ToString(CultureInfo.InvariantCulture)}"),
            new XElement(Atom + "title", Title(entry, l)),
            new XElement(Atom + "updated", Time(entry.AtUtc)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", page)),
            new XElement(Atom + "category", new XAttribute("term", entry.PlatformSlug ?? ""), new XAttribute("label", entry.PlatformName ?? "")),
            new XElement(Atom + "content", new XAttribute("type", "html"), Html(entry, l)));
    }

    /// <summary>The entry's body as HTML (escaped once here, and once more by the XML writer, as type="html" expects).</summary>
    private static string Html(HistoryEntry entry, IStringLocalizer l)
    {
        var html = new StringBuilder();
        html.Append("<p>").Append(Encode(l["Feed.Entry.Platform", entry.PlatformName ?? "", l[$"History.Kind.{entry.Kind}"].Value])).Append("</p>");
        if (entry.Fields.Count > 0)
        {
            html.Append("<ul>");
            foreach (var field in entry.Fields)
            {
                html.Append("<li><strong>").Append(Encode(Label(field, l))).Append("</strong>: ")
                    .Append(Encode(field.OldValue ?? l["Feed.NoValue"])).Append(" → ")
                    .Append(Encode(field.NewValue ?? l["Feed.NoValue"])).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (entry.EvidenceUrl is { } evidence)
        {
            html.Append("<p>").Append(Encode(l["History.Evidence"])).Append(" <a href=\"").Append(Encode(evidence)).Append("\">")
                .Append(Encode(evidence)).Append("</a></p>");
        }

        if (entry.Note is { } note)
        {
            html.Append("<p>").Append(Encode(l["History.Note"])).Append(' ').Append(Encode(note)).Append("</p>");
        }

        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>What the feed is about: its own URL, the page it follows, and its title.</summary>
public sealed record FeedInfo(string FeedUrl, string PageUrl, string Title, string PlatformPageUrlPrefix);
