using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>What Connect-CognitoUserPool remembers; every cmdlet falls back to it, explicit parameters win.</summary>
    internal sealed class CognitoSessionDefaults
    {
        internal CognitoSessionDefaults(string userPoolId, string region, string? profileName, AccessKeyCredential? credential, string? endpointUrl)
        {
            UserPoolId = userPoolId;
            Region = region;
            ProfileName = profileName;
            Credential = credential;
            EndpointUrl = endpointUrl;
        }

        public string UserPoolId { get; }

        public string Region { get; }

        public string? ProfileName { get; }

        public AccessKeyCredential? Credential { get; }

        public string? EndpointUrl { get; }
    }
}
