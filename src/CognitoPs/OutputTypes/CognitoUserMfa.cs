using System;
using System.Collections.Generic;

namespace CognitoPs
{
    /// <summary>A user's MFA, as Get-CognitoUserMfa reads it (AdminGetUser, and AdminGetUserAuthFactors where the endpoint has it).</summary>
    public sealed class CognitoUserMfa
    {
        public CognitoUserMfa(string username, string userPoolId, string region, string? endpointUrl, string? preferredMfa,
            IReadOnlyList<string> enabledMfa, IReadOnlyList<string>? authFactors)
        {
            Username = username;
            UserPoolId = userPoolId;
            Region = region;
            EndpointUrl = endpointUrl;
            PreferredMfa = preferredMfa;
            EnabledMfa = enabledMfa is string[] array ? array : new List<string>(enabledMfa).ToArray();
            AuthFactors = authFactors is null ? null : new List<string>(authFactors).ToArray();
        }

        public string Username { get; }

        public string UserPoolId { get; }

        public string Region { get; }

        public string? EndpointUrl { get; }

        /// <summary>The method Cognito asks for first: SMS_MFA, SOFTWARE_TOKEN_MFA (an authenticator app) or EMAIL_OTP; null for none.</summary>
        public string? PreferredMfa { get; }

        /// <summary>The MFA methods switched on for the user.</summary>
        public string[] EnabledMfa { get; }

        /// <summary>How the user can sign in (PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN); null where the endpoint cannot tell (no AdminGetUserAuthFactors).</summary>
        public string[]? AuthFactors { get; }

        public override string ToString() => Username;
    }
}
