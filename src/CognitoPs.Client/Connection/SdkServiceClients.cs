using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace CognitoPs.Client
{
    /// <summary>
    /// The STS, IAM Identity Center and OIDC clients AWSSDK.Core needs for roles, web identity and IAM Identity Center,
    /// made from the module's own copies of those assemblies. Left to itself the SDK finds them by assembly name among all
    /// the assemblies loaded in the process, and takes the first: with AWS.Tools in the session that is AWS.Tools' copy,
    /// built on its own AWSSDK.Core, whose types ours cannot use. So the module registers these factories with the SDK's
    /// dependency registry (web identity and IAM Identity Center ask it first), and gives assumed roles a credential
    /// class that makes its STS client itself (<see cref="AssumedRoleCredentials"/>): the registry is not told whose
    /// credentials an AssumeRole must be signed with.
    /// </summary>
    internal static class SdkServiceClients
    {
        private static readonly object Gate = new object();
        private static bool _registered;

        /// <summary>
        /// Registers the factories once per process (with our AWSSDK.Core, in the module's load context). A caller that
        /// comes while another thread registers (the warm-up beside a command) waits until the factories are in place.
        /// </summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (!_registered)
                {
                    RegisterFactories();
                    _registered = true;
                }
            }
        }

        private static void RegisterFactories()
        {
            var registry = GlobalRuntimeDependencyRegistry.Instance;
            registry.RegisterSecurityTokenServiceClient(context =>
                Sts(new AnonymousAWSCredentials(), context.SecurityTokenServiceClientContextData.Region, context.SecurityTokenServiceClientContextData.ProxySettings));
            registry.RegisterSSOClient(context =>
                Configured(new AmazonSSOConfig { RegionEndpoint = context.SSOClientContextData.Region }, context.SSOClientContextData.ProxySettings,
                    config => new AmazonSSOClient(new AnonymousAWSCredentials(), config)));
            registry.RegisterSSOOIDCClient(context =>
                Configured(new AmazonSSOOIDCConfig { RegionEndpoint = context.SSOOIDCClientContextData.Region }, context.SSOOIDCClientContextData.ProxySettings,
                    config => new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), config)));
        }

        /// <summary>An STS client signing with <paramref name="credentials"/> (anonymous for web identity).</summary>
        public static AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials, RegionEndpoint? region, IWebProxy? proxy) =>
            Configured(new AmazonSecurityTokenServiceConfig { RegionEndpoint = region ?? RegionEndpoint.USEast1 }, proxy,
                config => new AmazonSecurityTokenServiceClient(credentials, config));

        private static TClient Configured<TConfig, TClient>(TConfig config, IWebProxy? proxy, System.Func<TConfig, TClient> create)
            where TConfig : ClientConfig
        {
            if (proxy != null)
            {
                config.SetWebProxy(proxy);
            }

            return create(config);
        }
    }
}
