namespace CognitoPs.Client
{
    /// <summary>
    /// The identity to unlink is not linked to the user named. AdminDisableProviderForUser does not take the user, so
    /// Remove-CognitoUserIdentity checks first rather than unlink the identity from whichever user holds it.
    /// </summary>
    public sealed class IdentityNotLinkedException : CognitoException
    {
        public IdentityNotLinkedException(FederatedIdentity identity, string username, string userPoolId)
            : base($"The {identity.ProviderName} identity '{identity.UserId}' is not linked to user '{username}' in user pool '{userPoolId}'.")
        {
        }
    }
}
