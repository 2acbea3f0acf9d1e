using System;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// An identity of an external provider (Google, a SAML or OIDC provider, ...) linked to a user, from the user's
    /// identities attribute. It pipes into Remove-CognitoUserIdentity by Username, ProviderName, UserId and UserPoolId.
    /// </summary>
    public sealed class CognitoUserIdentity
    {
        internal CognitoUserIdentity(string username, string userPoolId, string region, string? endpointUrl, LinkedIdentityRecord identity)
        {
            Username = username;
            UserPoolId = userPoolId;
            Region = region;
            EndpointUrl = endpointUrl;
            ProviderName = identity.ProviderName;
            ProviderType = identity.ProviderType;
            UserId = identity.UserId;
            Created = identity.Created;
            Primary = identity.Primary;
        }

        public string Username { get; }

        /// <summary>The provider's name in the pool, e.g. Google or a SAML provider's name.</summary>
        public string ProviderName { get; }

        /// <summary>Google, Facebook, LoginWithAmazon, SignInWithApple, SAML or OIDC.</summary>
        public string? ProviderType { get; }

        /// <summary>The user's id at the provider (its subject).</summary>
        public string UserId { get; }

        public DateTime? Created { get; }

        public bool Primary { get; }

        public string UserPoolId { get; }

        public string Region { get; }

        public string? EndpointUrl { get; }

        public override string ToString() => $"{ProviderName}:{UserId}";
    }
}
