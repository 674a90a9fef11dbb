using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FreeGpuPortal.IntegrationTests.Api;

public sealed class HardwareReportParseApiTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    private const string ParseUrl = "/api/v1/hardware-reports/parse";

    private static string T4Fixture => File.ReadAllText(RepoPaths.Fixture("nvidia-smi/t4-colab-550.54.15-empty-processes.txt"));

    private async Task<JsonElement> ParseOkAsync(HttpContent content)
    {
        var response = await factory.CreateClient().PostAsync(ParseUrl, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_colab_t4_nvidia_smi_paste_gives_the_gpu_driver_and_cuda_version()
    {
        using var content = new StringContent(T4Fixture, Encoding.UTF8, "text/plain");
        var report = await ParseOkAsync(content);

        var gpu = Assert.Single(report.GetProperty("gpus").EnumerateArray());
        Assert.Equal("Tesla T4", gpu.GetProperty("name").GetString());
        Assert.Equal(15360, gpu.GetProperty("memoryMiB").GetInt32());
        Assert.Equal(1, report.GetProperty("gpuCount").GetInt32());
        Assert.Equal("550.54.15", report.GetProperty("driverVersion").GetString());
        Assert.Equal("12.4", report.GetProperty("cudaVersion").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("cpu").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("memTotalKiB").ValueKind);
        Assert.NotEmpty(report.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task The_answer_has_exactly_the_published_shape_with_nulls_present()
    {
        var paste = T4Fixture + "\n" + File.ReadAllText(RepoPaths.Fixture("lscpu/colab-xeon-2.20-2cpu-md-export.txt"))
            + "\nMemTotal:       13290452 kB\nMemFree:         9000000 kB\n";
        using var content = new StringContent(paste, Encoding.UTF8, "text/plain");
        var report = await ParseOkAsync(content);

        Assert.Equal(["gpus", "gpuCount", "driverVersion", "cudaVersion", "cpu", "memTotalKiB", "messages"],
            report.EnumerateObject().Select(p => p.Name));
        var cpu = report.GetProperty("cpu");
        Assert.Equal(["model", "logicalCpus", "threadsPerCore", "sockets"], cpu.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", cpu.GetProperty("model").GetString());
        Assert.Equal(2, cpu.GetProperty("logicalCpus").GetInt32());
        Assert.Equal(2, cpu.GetProperty("threadsPerCore").GetInt32());
        Assert.Equal(1, cpu.GetProperty("sockets").GetInt32());
        Assert.Equal(13290452, report.GetProperty("memTotalKiB").GetInt64());
        Assert.Equal(["name", "memoryMiB"], report.GetProperty("gpus")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Curl_data_binary_without_a_content_type_sends_form_encoding_and_is_read_as_raw_text()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(T4Fixture));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var report = await ParseOkAsync(content);

        Assert.Equal("Tesla T4", report.GetProperty("gpus")[0].GetProperty("name").GetString());
        Assert.Equal("550.54.15", report.GetProperty("driverVersion").GetString());
    }

    [Fact]
    public async Task Text_with_nothing_recognisable_is_a_200_with_empty_values_and_a_message()
    {
        using var content = new StringContent("hello world\nthis is not hardware output\n", Encoding.UTF8, "text/plain");
        var report = await ParseOkAsync(content);

        Assert.Empty(report.GetProperty("gpus").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("gpuCount").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("driverVersion").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("cpu").ValueKind);
        var message = Assert.Single(report.GetProperty("messages").EnumerateArray()).GetString();
        Assert.Contains("nvidia-smi", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_a_200_with_a_message()
    {
        using var content = new StringContent("", Encoding.UTF8, "text/plain");
        var report = await ParseOkAsync(content);

        Assert.Empty(report.GetProperty("gpus").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task A_paste_of_exactly_256_KB_is_read()
    {
        var text = new StringBuilder(T4Fixture);
        text.Append('x', (256 * 1024) - Encoding.UTF8.GetByteCount(T4Fixture));
        using var content = new StringContent(text.ToString(), Encoding.UTF8, "text/plain");

        var report = await ParseOkAsync(content);
        Assert.Equal("Tesla T4", report.GetProperty("gpus")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_300_KB_paste_is_a_413_problem()
    {
        using var content = new StringContent(new string('a', 300 * 1024), Encoding.UTF8, "text/plain");
        var problem = await ProblemAsync(await factory.CreateClient().PostAsync(ParseUrl, content), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Paste too large", problem.GetProperty("title").GetString());
        Assert.Contains("262144 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_paste_without_a_length_over_the_limit_is_a_413_problem()
    {
        // No Content-Length: the limit holds while reading, whatever the client declares.
        using var inner = new ByteArrayContent(new byte[1024 * 1024]);
        using var content = new ChunkedContent(inner);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        Assert.Null(content.Headers.ContentLength);
        var response = await factory.CreateClient().PostAsync(ParseUrl, content);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_body_reader_never_pulls_more_than_the_limit_plus_one_byte()
    {
        var endless = new EndlessStream();
        var body = await Web.Api.HardwareReportEndpoints.ReadAtMostAsync(endless, 256 * 1024, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal((256 * 1024) + 1, endless.BytesRead);

        var exact = await Web.Api.HardwareReportEndpoints.ReadAtMostAsync(new MemoryStream(new byte[256 * 1024]), 256 * 1024, CancellationToken.None);
        Assert.Equal(256 * 1024, exact?.Length);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("image/png")]
    [InlineData(null)]
    public async Task A_body_that_is_not_text_is_a_415_problem(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"text\":\"nvidia-smi\"}"));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var problem = await ProblemAsync(await factory.CreateClient().PostAsync(ParseUrl, content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text/plain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parser_needs_no_cookie_or_antiforgery_token_and_sets_none()
    {
        using var content = new StringContent(T4Fixture, Encoding.UTF8, "text/plain");
        var response = await factory.CreateClient().PostAsync(ParseUrl, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>Sends its inner content without a Content-Length, as a pipe from nvidia-smi does.</summary>
    private sealed class ChunkedContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A request body that never ends, counting what the reader pulled from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
