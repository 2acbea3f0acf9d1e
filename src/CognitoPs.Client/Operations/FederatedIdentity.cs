namespace CognitoPs.Client
{
    /// <summary>
    /// A user of an identity provider (Google, a SAML provider, ...) as AdminLinkProviderForUser and
    /// AdminDisableProviderForUser name it: the provider, the attribute that identifies users there (Cognito_Subject for
    /// the provider's own user id), and its value.
    /// </summary>
    public sealed class FederatedIdentity
    {
        public const string SubjectAttribute = "Cognito_Subject";

        public FederatedIdentity(string providerName, string userId, string attributeName = SubjectAttribute)
        {
            ProviderName = providerName;
            UserId = userId;
            AttributeName = attributeName;
        }

        public string ProviderName { get; }

        public string UserId { get; }

        public string AttributeName { get; }
    }
}
