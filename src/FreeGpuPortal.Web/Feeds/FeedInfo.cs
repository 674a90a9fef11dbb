namespace FreeGpuPortal.Web.Feeds;

/// <summary>What the feed is about: its own URL, the page it follows, and its title.</summary>
public sealed record FeedInfo(string FeedUrl, string PageUrl, string Title, string PlatformPageUrlPrefix);
