namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>The codes the tests and the soak sign in with are the ones an authenticator app shows.</summary>
public sealed class TotpTests
{
    // RFC 6238, appendix B: the SHA-1 key "12345678901234567890" (base32 below), eight digits 94287082 at 59 s,
    // 07081804 at 1111111109 s; an app shows the last six.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    public void Gives_the_codes_of_the_RFC_test_vectors(long unixSeconds, string code) =>
        Assert.Equal(code, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Reads_the_key_as_people_see_it_with_spaces_and_lower_case() =>
        Assert.Equal(
            Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)),
            Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void Refuses_a_key_that_is_not_base32() =>
        Assert.Throws<FormatException>(() => Totp.Code("NOT-BASE32!", DateTimeOffset.FromUnixTimeSeconds(59)));
}
