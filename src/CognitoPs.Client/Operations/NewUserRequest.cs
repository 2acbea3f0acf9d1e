using System;
using System.Collections.Generic;
using System.Security;

namespace CognitoPs.Client
{
    /// <summary>What AdminCreateUser sends. Attribute values are strings, as Cognito stores them.</summary>
    public sealed class NewUserRequest
    {
        public NewUserRequest(string userPoolId, string username)
        {
            UserPoolId = userPoolId;
            Username = username;
        }

        public string UserPoolId { get; }

        public string Username { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>Null: Cognito makes one and sends it in the invitation.</summary>
        public SecureString? TemporaryPassword { get; set; }

        /// <summary>SUPPRESS, RESEND, or null for the invitation.</summary>
        public string? MessageAction { get; set; }

        /// <summary>EMAIL and/or SMS; empty for Cognito's default (SMS).</summary>
        public IReadOnlyList<string> DeliveryMediums { get; set; } = Array.Empty<string>();

        public bool ForceAliasCreation { get; set; }
    }
}
