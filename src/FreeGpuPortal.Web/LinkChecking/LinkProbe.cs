using System.Net;

using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.LinkChecking;

// Checking one URL, and what the check found.

/// <summary>
/// Checks one URL: HEAD first, GET when the server refuses HEAD, redirects followed by hand (so the final URL is
/// known) up to <see cref="LinkCheckOptions.MaxRedirects"/>, the whole within <see cref="LinkCheckOptions.TimeoutSeconds"/>.
/// A GET reads the headers only and never the body.
/// </summary>
public sealed class LinkProbe(IHttpClientFactory clients, IOptions<LinkCheckOptions> options)
{
    public const string HttpClientName = "link-check";

    /// <summary>Answers that mean "this server does not do HEAD" rather than "this page is gone".</summary>
    private static readonly HashSet<HttpStatusCode> HeadRefused =
    [
        HttpStatusCode.MethodNotAllowed,
        HttpStatusCode.NotImplemented,
        HttpStatusCode.BadRequest,
        HttpStatusCode.Forbidden,
    ];

    public async Task<ProbeResult> CheckAsync(string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!TryHttpUri(url, null, out var current))
        {
            return new ProbeResult(LinkOutcome.Unreachable, null, null, false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var client = clients.CreateClient(HttpClientName);
        var permanent = true;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var status = await StatusAsync(client, current, timeout.Token);
                var location = status.Location;
                if (!IsRedirect(status.Code))
                {
                    var finalUrl = hop == 0 ? null : current.AbsoluteUri;
                    var ok = (int)status.Code is >= 200 and < 300;
                    var outcome = !ok ? LinkOutcome.HttpError : hop == 0 ? LinkOutcome.Ok : LinkOutcome.Redirected;
                    return new ProbeResult(outcome, (int)status.Code, finalUrl, hop > 0 && permanent);
                }

                if (hop >= settings.MaxRedirects || !TryHttpUri(location, current, out var next))
                {
                    return new ProbeResult(LinkOutcome.TooManyRedirects, (int)status.Code, current.AbsoluteUri, false);
                }

                permanent &= status.Code is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
                current = next;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(LinkOutcome.Timeout, null, null, false);
        }
        catch (HttpRequestException)
        {
            return new ProbeResult(LinkOutcome.Unreachable, null, null, false);
        }
    }

    private sealed record Status(HttpStatusCode Code, string? Location);

    private static async Task<Status> StatusAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        var head = await SendAsync(client, HttpMethod.Head, url, cancellationToken);
        return HeadRefused.Contains(head.Code) ? await SendAsync(client, HttpMethod.Get, url, cancellationToken) : head;
    }

    private static async Task<Status> SendAsync(HttpClient client, HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new Status(response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Only http and https are checked or followed; a relative Location resolves against the current URL.</summary>
    private static bool TryHttpUri(string? value, Uri? relativeTo, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parsed = relativeTo is null
            ? Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute : null
            : Uri.TryCreate(relativeTo, value, out var resolved) ? resolved : null;
        if (parsed is null || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }

        uri = parsed;
        return true;
    }
}

/// <summary>What one check of one URL found.</summary>
public sealed record ProbeResult(LinkOutcome Outcome, int? StatusCode, string? FinalUrl, bool PermanentRedirect);
