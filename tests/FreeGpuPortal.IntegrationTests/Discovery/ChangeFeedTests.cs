using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Discovery;

/// <summary>The Atom change feeds: RFC 4287's required elements, the change as people read it, no admin identity, conditional GET and caching.</summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const string AdminEmail = "feed-admin@example.org";

    private readonly PortalHost _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client() => _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Kaggle's max session becomes 12 h, with evidence, saved by an admin through the audited editor.</summary>
    private async Task<int> ChangeKaggleSessionAsync(double hours)
    {
        var editor = _factory.Services.GetRequiredService<CatalogEditor>();
        var kaggle = (await editor.GetForEditAsync("kaggle"))!;
        kaggle.MaxSessionHours.Min = hours;
        kaggle.MaxSessionHours.Max = hours;
        kaggle.MaxSessionHours.SourceUrl = "https://www.kaggle.com/docs/notebooks#session-limits";
        kaggle.MaxSessionHours.SourceTitle = "Kaggle Notebooks documentation";
        kaggle.MaxSessionHours.AsOf = new DateOnly(2026, 11, 30);
        var result = await editor.UpdateAsync(new PlatformChangeRequest(
            kaggle,
            new ChangeEvidence { EvidenceUrl = "https://www.kaggle.com/docs/notebooks#session-limits", Note = "Documentation states it." },
            new Actor("admin-user-id-42", AdminEmail)));
        return Assert.IsType<EditResult.Success>(result).ChangeId;
    }

    /// <summary>RFC 4287 4.1.1 and 4.1.2: what a feed and each entry must hold.</summary>
    private static void AssertValidAtom(XDocument document)
    {
        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Single(feed.Elements(Atom + "id"));
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.Single(feed.Elements(Atom + "title"));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.Single(feed.Elements(Atom + "updated"));
        AssertDateTime(feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.True(
            feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") is not null)
                || entries.All(e => e.Elements(Atom + "author").Any()),
            "an author for the feed, or for every entry");
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(feed.Element(Atom + "id")!.Value, (string?)self.Attribute("href"));
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");

        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")?.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.Single(entry.Elements(Atom + "id"));
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.Single(entry.Elements(Atom + "title"));
            Assert.Single(entry.Elements(Atom + "updated"));
            AssertDateTime(entry.Element(Atom + "updated")!.Value);
            // Without content an entry needs an alternate link; these have both.
            Assert.Single(entry.Elements(Atom + "content"));
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }
    }

    private static void AssertDateTime(string value) =>
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", value);

    [Fact]
    public async Task Both_feeds_are_valid_atom_and_show_a_change_as_people_read_it_without_the_admin()
    {
        var changeId = await ChangeKaggleSessionAsync(12);
        var client = Client();

        foreach (var path in new[] { "/changes.atom", "/platforms/kaggle/changes.atom" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Headers.Contains("Set-Cookie"), path);
            var text = await response.Content.ReadAsStringAsync();
            var document = XDocument.Parse(text);
            AssertValidAtom(document);

            var entry = document.Root!.Elements(Atom + "entry").First();
            Assert.EndsWith($"/platforms/kaggle#change-{changeId}", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.Equal("Kaggle: Edited — Session length (h): not stated → 12 (source: Kaggle Notebooks documentation <https://www.kaggle.com/docs/notebooks#session-limits>; as of 2026-11-30)", entry.Element(Atom + "title")!.Value);
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", (string?)content.Attribute("type"));
            Assert.Contains("<strong>Session length (h)</strong>: not stated → 12", content.Value, StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://www.kaggle.com/docs/notebooks#session-limits\">", content.Value, StringComparison.Ordinal);
            Assert.Contains("Documentation states it.", content.Value, StringComparison.Ordinal);

            Assert.DoesNotContain(AdminEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("admin-user-id-42", text, StringComparison.Ordinal);
        }

        var kaggleFeed = XDocument.Parse(await client.GetStringAsync("/platforms/kaggle/changes.atom"));
        Assert.All(
            kaggleFeed.Root!.Elements(Atom + "entry"),
            e => Assert.Contains("/platforms/kaggle#change-", e.Element(Atom + "id")!.Value, StringComparison.Ordinal));
        var allFeed = XDocument.Parse(await client.GetStringAsync("/changes.atom"));
        Assert.Contains(allFeed.Root!.Elements(Atom + "entry"), e => !e.Element(Atom + "id")!.Value.Contains("/platforms/kaggle#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_answers_304_to_its_etag_or_its_date_and_moves_on_with_a_change()
    {
        var client = Client();
        var first = await client.GetAsync("/changes.atom");
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        using (var byTag = new HttpRequestMessage(HttpMethod.Get, "/changes.atom"))
        {
            byTag.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);
        }

        using (var byDate = new HttpRequestMessage(HttpMethod.Get, "/changes.atom"))
        {
            byDate.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
        }

        // Served again from the output cache: same bytes, with its age.
        var again = await client.GetAsync("/changes.atom");
        Assert.Equal(etag, again.Headers.ETag);
        Assert.NotNull(again.Headers.Age);

        await ChangeKaggleSessionAsync(12);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/changes.atom");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        // HTTP dates count whole seconds: a change in the seed's own second keeps the date; the ETag moved on above.
        Assert.True(changed.Content.Headers.LastModified >= lastModified);
        Assert.Contains("Session length (h)", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var platform = new HttpRequestMessage(HttpMethod.Get, "/platforms/kaggle/changes.atom");
        var platformFirst = await client.GetAsync("/platforms/kaggle/changes.atom");
        platform.Headers.IfNoneMatch.Add(platformFirst.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(platform)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_platform_has_no_feed()
    {
        var response = await Client().GetAsync("/platforms/no-such-platform/changes.atom");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_link_their_feeds()
    {
        var client = Client();
        // Attribute values are HTML-encoded ("+" as "&#x2B;"), as a browser or crawler decodes them.
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Matches("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"http://localhost/changes.atom\"", home);

        var kaggle = WebUtility.HtmlDecode(await client.GetStringAsync("/platforms/kaggle"));
        Assert.Matches("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"http://localhost/changes.atom\"", kaggle);
        Assert.Matches("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"Changes to Kaggle[^\"]*\"\\s+href=\"http://localhost/platforms/kaggle/changes.atom\"", kaggle);
        Assert.True(Regex.Matches(kaggle, "application/atom\\+xml").Count == 2);
    }
}
