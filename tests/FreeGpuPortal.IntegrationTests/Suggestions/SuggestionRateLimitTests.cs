using System.Net;

using FreeGpuPortal.IntegrationTests.HardwareReports;

namespace FreeGpuPortal.IntegrationTests.Suggestions;

/// <summary>Sending suggestions is limited per address (here 2 a window) by a policy of its own; reading the form is not.</summary>
public sealed class SuggestionRateLimitTests : IAsyncLifetime
{
    private readonly PortalHost _portal = PortalHost.For(PortalHostOptions.Lenient.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:SuggestionSubmit:Permits"] = "2",
        ["RateLimits:SuggestionSubmit:WindowSeconds"] = "3600",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_third_send_within_the_window_gets_a_429_page_for_a_person_while_the_form_still_opens()
    {
        var client = _portal.NewClient();

        var first = await SuggestionForms.PostAsync(client, "colab", "ramGb", "16", evidenceUrl: "https://colab.example/a");
        var second = await SuggestionForms.PostAsync(client, "colab", "ramGb", "abc"); // a refused send counts too
        var page = await client.GetStringAsync("/platforms/colab/suggest?field=ramGb");
        var request = new HttpRequestMessage(HttpMethod.Post, "/platforms/colab/suggest?field=ramGb")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = ReportForms.Token(page),
                ["_handler"] = SuggestionForms.Handler,
                ["Model.Field"] = "ramGb",
                ["Model.Kind"] = "value",
                ["Model.From"] = "20",
                ["Model.EvidenceUrl"] = "https://colab.example/b",
            }),
        };
        request.Headers.Accept.ParseAdd("text/html");
        var third = await client.SendAsync(request);
        var thirdHtml = await third.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("text/html", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", thirdHtml);
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/platforms/colab/suggest?field=ramGb")).StatusCode);
        // Its own policy: hardware reports from the same address are not limited by suggestions.
        Assert.Equal(HttpStatusCode.OK, (await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4)).StatusCode);
    }
}
