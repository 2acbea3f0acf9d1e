using System;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace CognitoPs.Client
{
    /// <summary>
    /// What the admin said about where and as whom to connect (the common connection parameters),
    /// and the rules that turn it into an endpoint, a region and credentials.
    /// </summary>
    public sealed class ConnectionOptions
    {
        internal const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";
        internal const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

        private static readonly Regex RegionPattern = new Regex(@"^[a-z]{2}(-[a-z]+)+-\d+\z", RegexOptions.CultureInvariant);
        private static readonly Regex PoolRegionPrefix = new Regex(@"^([a-z]{2}(?:-[a-z]+)+-\d+)_", RegexOptions.CultureInvariant);

        public string? Region { get; set; }

        public string? ProfileName { get; set; }

        public AccessKeyCredential? Credential { get; set; }

        public string? EndpointUrl { get; set; }

        /// <summary>The connected session's region: used after the pool id's own prefix, before the environment.</summary>
        public string? DefaultRegion { get; set; }

        /// <summary>Checks what can be checked without a pool id or the network. Throws <see cref="CognitoConfigurationException"/>.</summary>
        public void Validate()
        {
            if (Credential != null && !string.IsNullOrEmpty(ProfileName))
            {
                throw new CognitoConfigurationException("ConflictingCredentialParameters", ConfigurationProblem.InvalidSetting,
                    "Specify either -Credential or -ProfileName, not both.", affectsEveryRequest: true);
            }

            if (Region != null && !RegionPattern.IsMatch(Region))
            {
                throw new CognitoConfigurationException("InvalidRegion", ConfigurationProblem.InvalidSetting,
                    $"'{Region}' is not an AWS region name such as 'eu-west-1'.");
            }

            ResolveEndpointOverride();
        }

        /// <summary>The endpoint override, if any: -EndpointUrl, then the Cognito-specific, then the global environment variable.</summary>
        internal Uri? ResolveEndpointOverride()
        {
            var (text, source) = !string.IsNullOrEmpty(EndpointUrl) ? (EndpointUrl, "-EndpointUrl")
                : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EndpointVariable)) ? (Environment.GetEnvironmentVariable(EndpointVariable), EndpointVariable)
                : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GlobalEndpointVariable)) ? (Environment.GetEnvironmentVariable(GlobalEndpointVariable), GlobalEndpointVariable)
                : (null, null);
            if (text is null)
            {
                return null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new CognitoConfigurationException("InvalidEndpointUrl", ConfigurationProblem.InvalidSetting,
                    $"The endpoint '{text}' from {source} is not an absolute http(s) URL without query or user info, such as 'https://cognito-idp.eu-west-1.amazonaws.com'.");
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                throw new CognitoConfigurationException("InsecureEndpointUrl", ConfigurationProblem.UnsafeSetting,
                    $"The endpoint '{text}' from {source} uses plain http to a host that is not this machine; passwords would cross the network unencrypted. Use https, or http only to localhost / 127.0.0.1 / ::1.");
            }

            return uri;
        }

        /// <summary>A pool id carries its region; refuse one that contradicts -Region rather than ask the wrong region.</summary>
        internal void CheckRegionMatches(string userPoolId, bool settingsShared)
        {
            var poolRegion = RegionOfPool(userPoolId);
            if (Region != null && poolRegion != null && poolRegion != Region)
            {
                throw new InputValidationException("RegionMismatch",
                    $"User pool '{userPoolId}' is in region '{poolRegion}', but -Region says '{Region}'. Omit -Region, or use a pool of that region.",
                    userPoolId, settingsShared);
            }
        }

        /// <summary>-Region, else the pool id's region prefix, else the session's, AWS_REGION / AWS_DEFAULT_REGION, the profile's region.</summary>
        internal string ResolveRegion(string? userPoolId)
        {
            var region = Region
                ?? (userPoolId is null ? null : RegionOfPool(userPoolId))
                ?? DefaultRegion
                ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
                ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
                ?? ProfileRegion();
            return region ?? throw new CognitoConfigurationException("RegionNotFound", ConfigurationProblem.InvalidSetting,
                (userPoolId is null ? "No AWS region: " : $"No AWS region for user pool '{userPoolId}': its id has no region prefix and ")
                + "neither -Region, Connect-CognitoUserPool, AWS_REGION, AWS_DEFAULT_REGION nor the profile names one. Specify -Region.");
        }

        internal static string? RegionOfPool(string userPoolId)
        {
            var match = PoolRegionPrefix.Match(userPoolId);
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// The credentials these settings name, not yet resolved (see <see cref="CognitoCredentials.ResolveFor"/>):
        /// -Credential, else -ProfileName, else AWSSDK.Core's default chain (environment keys, AWS_PROFILE, web identity,
        /// the shared files' default profile, container and instance roles). Throws <see cref="CognitoConfigurationException"/>.
        /// </summary>
        internal CognitoCredentials Credentials()
        {
            if (Credential != null)
            {
                // AWS4Signer takes the secret key as a string; this is the one place it becomes one.
                var secret = SecureStringText.Of(Credential.SecretAccessKey);
                AWSCredentials given = Credential.SessionToken is null
                    ? new BasicAWSCredentials(Credential.AccessKeyId, secret)
                    : new SessionAWSCredentials(Credential.AccessKeyId, secret, Credential.SessionToken);
                return new CognitoCredentials(given, $"-Credential (access key {Credential.AccessKeyId})");
            }

            if (!string.IsNullOrEmpty(ProfileName))
            {
                return FromProfile(ProfileName);
            }

            // The default chain looks at the environment first. Reading it directly gives the same credentials and
            // spares the first call of a session the chain's set-up (profile stores, SSO, ...): about 30 ms.
            var accessKey = NonEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
            var secretKey = NonEmpty(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
            if (accessKey != null && secretKey != null)
            {
                var token = NonEmpty(Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
                AWSCredentials environment = token is null ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
                return new CognitoCredentials(environment, $"the environment (AWS_ACCESS_KEY_ID {accessKey})");
            }

            AWSCredentials chosen;
            try
            {
                chosen = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            }
            catch (AmazonClientException ex) when (ex.Message.Contains("Failed to resolve", StringComparison.OrdinalIgnoreCase)
                || ex.Message.Contains("Unable to find credentials", StringComparison.OrdinalIgnoreCase))
            {
                throw new CognitoConfigurationException("CredentialsNotFound", ConfigurationProblem.Authentication,
                    "No AWS credentials were found. Pass -Credential or -ProfileName, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE.",
                    affectsEveryRequest: true, ex)
                {
                    RecommendedAction = "Name a profile (-ProfileName, or AWS_PROFILE), sign in (aws sso login, aws configure), or pass -Credential.",
                };
            }
            catch (Exception ex) when (ex is not CognitoException)
            {
                throw CredentialFailure.Describe(ex, DefaultChainSource(null));
            }

            return new CognitoCredentials(chosen, DefaultChainSource(chosen));
        }

        private static CognitoCredentials FromProfile(string profileName)
        {
            var source = $"profile '{profileName}'";
            var files = new CredentialProfileStoreChain();
            if (!files.TryGetProfile(profileName, out var profile))
            {
                throw new CognitoConfigurationException("ProfileNotFound", ConfigurationProblem.NotFound,
                    $"No AWS profile '{profileName}' was found in the shared credentials or config file.", affectsEveryRequest: true)
                {
                    RecommendedAction = "Check the name (aws configure list-profiles lists them), or create it with aws configure / aws configure sso.",
                };
            }

            try
            {
                return new CognitoCredentials(AWSCredentialsFactory.GetAWSCredentials(profile, files), source);
            }
            catch (Exception ex) when (ex is not CognitoException)
            {
                throw CredentialFailure.Describe(ex, source);
            }
        }

        /// <summary>Names what the default chain chose, for messages.</summary>
        private static string DefaultChainSource(AWSCredentials? chosen) => chosen switch
        {
            AssumeRoleWithWebIdentityCredentials _ => $"web identity (the role {NonEmpty(Environment.GetEnvironmentVariable("AWS_ROLE_ARN")) ?? "of AWS_ROLE_ARN"})",
            GenericContainerCredentials _ => "the container's role",
            InstanceProfileAWSCredentials _ => "the instance's role",
            _ => $"profile '{DefaultAWSCredentialsIdentityResolver.GetProfileName()}'",
        };

        /// <summary>
        /// Who the credentials would be, without resolving them: the access key id given or in the environment, else the
        /// profile's name. Listings cached for one identity (tab completion) must not be shown to another.
        /// </summary>
        internal string IdentityKey()
        {
            if (Credential != null)
            {
                return "key:" + Credential.AccessKeyId;
            }

            if (!string.IsNullOrEmpty(ProfileName))
            {
                return "profile:" + ProfileName;
            }

            var accessKey = NonEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
            var profile = NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"));
            var webIdentityRole = NonEmpty(Environment.GetEnvironmentVariable("AWS_ROLE_ARN"));
            return accessKey != null ? "key:" + accessKey
                : profile != null ? "profile:" + profile
                : webIdentityRole != null ? "web identity:" + webIdentityRole
                : "profile:default";
        }

        private string? ProfileRegion()
        {
            var name = NonEmpty(ProfileName) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")) ?? "default";
            return new CredentialProfileStoreChain().TryGetProfile(name, out var profile) ? profile.Region?.SystemName : null;
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
