using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>
    /// One entry of a user's <c>identities</c> attribute, the JSON array Cognito keeps of the external identities linked
    /// to the user: userId, providerName, providerType, primary, dateCreated (epoch milliseconds, as a number or a string).
    /// </summary>
    public sealed class LinkedIdentityRecord
    {
        public const string AttributeName = "identities";

        public string ProviderName { get; set; } = "";

        public string? ProviderType { get; set; }

        public string UserId { get; set; } = "";

        public DateTime? Created { get; set; }

        public bool Primary { get; set; }

        /// <summary>The user's linked identities: empty without the attribute, null when it is not the JSON Cognito writes.</summary>
        public static IReadOnlyList<LinkedIdentityRecord>? ReadAll(UserRecord user)
        {
            var text = user.Attributes.FirstOrDefault(a => a.Key == AttributeName).Value;
            if (string.IsNullOrEmpty(text))
            {
                return Array.Empty<LinkedIdentityRecord>();
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.ValueKind == JsonValueKind.Array
                    ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(Read).ToArray()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public bool Is(FederatedIdentity identity) =>
            string.Equals(ProviderName, identity.ProviderName, StringComparison.Ordinal) && string.Equals(UserId, identity.UserId, StringComparison.Ordinal);

        /// <summary>Cognito has written dateCreated both as a number and as a string of digits.</summary>
        private static long? Milliseconds(JsonElement item, string name)
        {
            if (!item.TryGetProperty(name, out var value))
            {
                return null;
            }

            const long Last = 253402300799999; // 9999-12-31T23:59:59.999Z
            var known = value.ValueKind == JsonValueKind.Number ? (value.TryGetInt64(out var n) ? n : (long?)null)
                : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
                : (long?)null;
            return known is >= 0 and <= Last ? known : null;
        }

        private static LinkedIdentityRecord Read(JsonElement item) => new LinkedIdentityRecord
        {
            ProviderName = Json.String(item, "providerName") ?? "",
            ProviderType = Json.String(item, "providerType"),
            UserId = Json.String(item, "userId") ?? "",
            Created = Milliseconds(item, "dateCreated") is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).LocalDateTime : (DateTime?)null,
            Primary = item.TryGetProperty("primary", out var p) && (p.ValueKind == JsonValueKind.True || (p.ValueKind == JsonValueKind.String && p.GetString() == "true")),
        };
    }
}
