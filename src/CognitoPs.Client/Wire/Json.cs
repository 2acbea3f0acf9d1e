using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>Tolerant readers for reply fields: a missing or oddly typed field is null, never an exception.</summary>
    internal static class Json
    {
        /// <summary>The items of an array property; a missing or non-array property is an empty list.</summary>
        public static List<T> List<T>(JsonElement element, string name, Func<JsonElement, T> read)
        {
            var items = new List<T>();
            if (element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    items.Add(read(item));
                }
            }

            return items;
        }

        /// <summary>A string property, or null when it is missing or empty (an empty pagination token ends a list).</summary>
        public static string? NonEmptyString(JsonElement element, string name) => String(element, name) is { Length: > 0 } value ? value : null;

        public static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public static bool? Boolean(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;

        public static int? Int(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : (int?)null;

        /// <summary>Cognito sends dates as epoch seconds (a JSON number, possibly fractional); returned as local time like other PowerShell dates.</summary>
        public static DateTime? Date(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            // Outside DateTimeOffset's range the value is nonsense: null, like any other unreadable field.
            const double LastSecond = 253402300799; // 9999-12-31T23:59:59Z
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds >= 0 && seconds <= LastSecond)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)).LocalDateTime;
            }

            return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), out var parsed) ? parsed.LocalDateTime : (DateTime?)null;
        }
    }
}
