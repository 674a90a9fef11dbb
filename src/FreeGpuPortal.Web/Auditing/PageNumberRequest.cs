using System.Globalization;

namespace FreeGpuPortal.Web.Auditing;

/// <summary>
/// A page number as it came in the address: absent (the first page), a whole number from 1 (<see cref="Asked"/>), or
/// anything else (<see cref="IsMalformed"/>), which shows the first page with a note instead of failing.
/// </summary>
public readonly record struct PageNumberRequest(int? Asked, bool IsMalformed)
{
    public int Page => Asked ?? 1;

    public static PageNumberRequest Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new(null, false);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked >= 1
            ? new(asked, false)
            : new(null, true);
    }

    /// <summary>
    /// The page numbers a pager links to: the first, the last and two either side of the current one, with
    /// <c>null</c> where two or more numbers are left out (a gap of one shows that number), so a history of many pages
    /// keeps a short pager.
    /// </summary>
    public static IReadOnlyList<int?> PagerNumbers(int current, int pageCount)
    {
        bool Shown(int number) => number == 1 || number == pageCount || Math.Abs(number - current) <= 2;
        var numbers = new List<int?>();
        for (var number = 1; number <= pageCount; number++)
        {
            if (Shown(number) || (Shown(number - 1) && Shown(number + 1)))
            {
                numbers.Add(number);
            }
            else if (numbers[^1] is not null)
            {
                numbers.Add(null);
            }
        }

        return numbers;
    }
}
