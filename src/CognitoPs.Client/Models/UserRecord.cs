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

        /// <summary>AdminGetUser only: the preferred MFA method (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP), if any.</summary>
        public string? PreferredMfa { get; set; }

        /// <summary>AdminGetUser only: the MFA methods the user has switched on.</summary>
        public IReadOnlyList<string> EnabledMfa { get; set; } = Array.Empty<string>();

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
                PreferredMfa = Json.NonEmptyString(user, "PreferredMfaSetting"),
                EnabledMfa = Json.List(user, "UserMFASettingList", item => item.GetString() ?? ""),
            };
        }
    }
}
