using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>What AdminGetUserAuthFactors answers: the ways a user can sign in (PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN) and MFA.</summary>
    public sealed class AuthFactorsRecord
    {
        public string? PreferredMfa { get; set; }

        public IReadOnlyList<string> EnabledMfa { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> AuthFactors { get; set; } = Array.Empty<string>();

        internal static AuthFactorsRecord Read(JsonElement reply) => new AuthFactorsRecord
        {
            PreferredMfa = Json.NonEmptyString(reply, "PreferredMfaSetting"),
            EnabledMfa = Json.List(reply, "UserMFASettingList", item => item.GetString() ?? ""),
            AuthFactors = Json.List(reply, "ConfiguredUserAuthFactors", item => item.GetString() ?? ""),
        };
    }
}
