using FreeGpuPortal.Web.Auditing;

namespace FreeGpuPortal.Tests.Auditing;

/// <summary>A page number from an address: absent, a number from 1, or anything else (first page, with a note).</summary>
public sealed class PageNumberRequestTests
{
    [Theory]
    [InlineData(null, null, false, 1)]
    [InlineData("", null, false, 1)]
    [InlineData("1", 1, false, 1)]
    [InlineData("7", 7, false, 7)]
    [InlineData("2147483647", int.MaxValue, false, int.MaxValue)]
    [InlineData("0", null, true, 1)]
    [InlineData("-2", null, true, 1)]
    [InlineData("+2", null, true, 1)]
    [InlineData(" 2", null, true, 1)]
    [InlineData("2.0", null, true, 1)]
    [InlineData("abc", null, true, 1)]
    [InlineData("99999999999999999999", null, true, 1)]
    [InlineData("٣", null, true, 1)]
    public void Parse_keeps_a_whole_number_from_1_and_marks_anything_else(string? text, int? asked, bool malformed, int page)
    {
        var request = PageNumberRequest.Parse(text);

        Assert.Equal((asked, malformed, page), (request.Asked, request.IsMalformed, request.Page));
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 9, "1 2 3 … 9")]
    [InlineData(5, 9, "1 2 3 4 5 6 7 8 9")]
    [InlineData(6, 12, "1 … 4 5 6 7 8 … 12")]
    [InlineData(12, 12, "1 … 10 11 12")]
    [InlineData(400, 800, "1 … 398 399 400 401 402 … 800")]
    public void The_pager_links_the_ends_and_the_pages_around_the_current_one(int current, int pageCount, string expected)
    {
        var numbers = PageNumberRequest.PagerNumbers(current, pageCount);

        Assert.Equal(expected, string.Join(" ", numbers.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
