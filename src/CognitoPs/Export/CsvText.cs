using System.Collections.Generic;
using System.Linq;

namespace CognitoPs
{
    /// <summary>CSV as RFC 4180 writes it: a field with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    internal static class CsvText
    {
        public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field)) + "\r\n";

        public static string Field(string? value) =>
            value is null ? ""
            : value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
