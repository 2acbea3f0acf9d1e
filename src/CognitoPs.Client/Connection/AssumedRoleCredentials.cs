using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;

namespace CognitoPs.Client
{
    /// <summary>
    /// An assumed role, as the SDK's <see cref="AssumeRoleAWSCredentials"/>, except that its STS client is made from the
    /// module's own AWSSDK.SecurityToken, signed by the source credentials (see <see cref="SdkServiceClients"/>).
    /// </summary>
    internal sealed class AssumedRoleCredentials : AssumeRoleAWSCredentials
    {
        public AssumedRoleCredentials(AssumeRoleAWSCredentials role, AWSCredentials source)
            : base(source, role.RoleArn, role.RoleSessionName, role.Options)
        {
        }

        protected override CredentialsRefreshState GenerateNewCredentials()
        {
            using var sts = NewClient();
            var assumed = ((ICoreAmazonSTS)sts).CredentialsFromAssumeRoleAuthentication(RoleArn, RoleSessionName, Options);
            return new CredentialsRefreshState(assumed, assumed.Expiration);
        }

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            using var sts = NewClient();
            var assumed = await ((ICoreAmazonSTS)sts).CredentialsFromAssumeRoleAuthenticationAsync(RoleArn, RoleSessionName, Options).ConfigureAwait(false);
            return new CredentialsRefreshState(assumed, assumed.Expiration);
        }

        private Amazon.SecurityToken.AmazonSecurityTokenServiceClient NewClient() =>
            SdkServiceClients.Sts(SourceCredentials, FallbackRegionFactory.GetRegionEndpoint(), Options?.ProxySettings);
    }
}
