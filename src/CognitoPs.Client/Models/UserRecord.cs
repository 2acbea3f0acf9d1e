using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A user as ListUsers / AdminGetUser return it (UserType).</summary>
    public sealed class UserRecord
    {
        public string Username { get; set; } = "";

        public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; set; } = Array.Empty<KeyValuePair<string, string>>();

        public bool Enabled { get; set; }

        public string? Status { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        /// <summary>Reads a UserType; AdminGetUser names the attribute list UserAttributes, ListUsers names it Attributes.</summary>
        internal static UserRecord Read(JsonElement user)
        {
            var attributes = new List<KeyValuePair<string, string>>();
            var list = user.TryGetProperty("Attributes", out var a) ? a : user.TryGetProperty("UserAttributes", out var ua) ? ua : default;
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (var attribute in list.EnumerateArray())
                {
                    attributes.Add(new KeyValuePair<string, string>(Json.String(attribute, "Name") ?? "", Json.String(attribute, "Value") ?? ""));
                }
            }

            return new UserRecord
            {
                Username = Json.String(user, "Username") ?? "",
                Attributes = attributes,
                Enabled = Json.Boolean(user, "Enabled") ?? true,
                Status = Json.String(user, "UserStatus"),
                Created = Json.Date(user, "UserCreateDate"),
                Modified = Json.Date(user, "UserLastModifiedDate"),
            };
        }
    }
}
