using System.Management.Automation;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    [Collection(EnvironmentCollection.Name)]
    public class ConnectionOptionsTests
    {
        private static EnvironmentScope CleanEnvironment() => new EnvironmentScope()
            .Set(ConnectionOptions.EndpointVariable, null).Set(ConnectionOptions.GlobalEndpointVariable, null)
            .Set("AWS_REGION", null).Set("AWS_DEFAULT_REGION", null).Set("AWS_PROFILE", null)
            .Set("AWS_ACCESS_KEY_ID", null).Set("AWS_SECRET_ACCESS_KEY", null).Set("AWS_SESSION_TOKEN", null)
            .Set("AWS_SHARED_CREDENTIALS_FILE", TestProfiles.CredentialsFile)
            .Set("AWS_CONFIG_FILE", TestProfiles.ConfigFile)
            .Set("AWS_EC2_METADATA_DISABLED", "true");

        [Fact]
        public void EndpointOverrideOrderIsParameterThenCognitoVariableThenGlobalVariable()
        {
            using var environment = CleanEnvironment();
            Assert.Null(new ConnectionOptions().ResolveEndpointOverride());

            environment.Set(ConnectionOptions.GlobalEndpointVariable, "http://localhost:1111");
            Assert.Equal(1111, new ConnectionOptions().ResolveEndpointOverride()!.Port);

            environment.Set(ConnectionOptions.EndpointVariable, "http://127.0.0.1:2222");
            Assert.Equal(2222, new ConnectionOptions().ResolveEndpointOverride()!.Port);

            Assert.Equal(3333, new ConnectionOptions { EndpointUrl = "http://[::1]:3333/" }.ResolveEndpointOverride()!.Port);
        }

        [Theory]
        [InlineData("http://cognito.example.com", "InsecureEndpointUrl", ConfigurationProblem.UnsafeSetting)]
        [InlineData("http://10.0.0.5:9229", "InsecureEndpointUrl", ConfigurationProblem.UnsafeSetting)]
        [InlineData("not a url", "InvalidEndpointUrl", ConfigurationProblem.InvalidSetting)]
        [InlineData("ftp://127.0.0.1/", "InvalidEndpointUrl", ConfigurationProblem.InvalidSetting)]
        [InlineData("https://user:pw@cognito-idp.eu-west-1.amazonaws.com", "InvalidEndpointUrl", ConfigurationProblem.InvalidSetting)]
        [InlineData("cognito-idp.eu-west-1.amazonaws.com", "InvalidEndpointUrl", ConfigurationProblem.InvalidSetting)]
        public void UnsafeOrMalformedEndpointsAreRefused(string endpoint, string errorId, ConfigurationProblem problem)
        {
            using var environment = CleanEnvironment();
            var error = Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions { EndpointUrl = endpoint }.Validate());

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(problem, error.Problem);
        }

        [Fact]
        public void AnInsecureEndpointFromTheEnvironmentIsRefusedToo()
        {
            using var environment = CleanEnvironment().Set(ConnectionOptions.GlobalEndpointVariable, "http://cognito.example.com");

            var error = Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions().Validate());

            Assert.Contains(ConnectionOptions.GlobalEndpointVariable, error.Message);
        }

        [Fact]
        public void RegionComesFromTheParameterThenThePoolIdThenTheEnvironment()
        {
            using var environment = CleanEnvironment();
            Assert.Equal("eu-central-1", new ConnectionOptions { Region = "eu-central-1" }.ResolveRegion("local_abc"));
            Assert.Equal("eu-west-1", new ConnectionOptions().ResolveRegion("eu-west-1_Ab12"));

            environment.Set("AWS_DEFAULT_REGION", "us-west-2");
            Assert.Equal("us-west-2", new ConnectionOptions().ResolveRegion("local_abc"));
            environment.Set("AWS_REGION", "ap-south-1");
            Assert.Equal("ap-south-1", new ConnectionOptions().ResolveRegion("local_abc"));
            Assert.Equal("eu-west-1", new ConnectionOptions().ResolveRegion("eu-west-1_Ab12"));
        }

        [Fact]
        public void NoRegionAnywhereIsAClearError()
        {
            using var environment = CleanEnvironment();

            var error = Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions().ResolveRegion("local_abc"));

            Assert.Equal("RegionNotFound", error.ErrorId);
            Assert.Contains("-Region", error.Message);
        }

        [Fact]
        public void APoolOfAnotherRegionThanRegionIsRefused()
        {
            var options = new ConnectionOptions { Region = "us-east-1" };

            var error = Assert.Throws<InputValidationException>(() => options.CheckRegionMatches("eu-west-1_Ab12", settingsShared: false));

            Assert.Equal("RegionMismatch", error.ErrorId);
            Assert.False(error.Terminating);
            options.CheckRegionMatches("us-east-1_Ab12", false);
            options.CheckRegionMatches("local_Ab12", false);
        }

        [Fact]
        public void ARegionParameterMustLookLikeARegion()
        {
            Assert.Equal("InvalidRegion", Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions { Region = "Ireland" }.Validate()).ErrorId);
        }

        [Fact]
        public void CredentialAndProfileNameTogetherAreRefused()
        {
            var options = new ConnectionOptions { ProfileName = "admin", Credential = new AccessKeyCredential("AKID", Secrets.Secure("secret")) };

            Assert.Equal("ConflictingCredentialParameters", Assert.Throws<CognitoConfigurationException>(() => options.Validate()).ErrorId);
        }

        [Fact]
        public void APSCredentialIsAnAccessKeyPair()
        {
            var credentials = new ConnectionOptions { Credential = CredentialInput.From(new PSCredential("AKIDFROMPS", Secrets.Secure("secret-from-ps"))) }
                .Credentials().Aws.GetCredentials();

            Assert.Equal(("AKIDFROMPS", "secret-from-ps", false), (credentials.AccessKey, credentials.SecretKey, credentials.UseToken));
        }

        [Fact]
        public void GivenTemporaryCredentialsCarryTheirSessionToken()
        {
            var credentials = new ConnectionOptions { Credential = new AccessKeyCredential("ASIATEMP", Secrets.Secure("temp-secret"), "temp-token") }
                .Credentials().Aws.GetCredentials();

            Assert.Equal(("ASIATEMP", "temp-secret", "temp-token"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
        }

        [Fact]
        public void ProfilesComeFromTheSharedFilesThroughAwsSdkCore()
        {
            using var environment = CleanEnvironment();
            var options = new ConnectionOptions { ProfileName = "admin" };

            Assert.Equal("AKIDPROFILE", options.Credentials().Aws.GetCredentials().AccessKey);
            Assert.Equal("eu-north-1", options.ResolveRegion("local_abc"));
            var missing = Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions { ProfileName = "nobody" }.Credentials().Aws);
            Assert.Equal(("ProfileNotFound", ConfigurationProblem.NotFound), (missing.ErrorId, missing.Problem));
        }

        [Fact]
        public void TheDefaultChainReadsEnvironmentKeysAndSaysClearlyWhenThereAreNone()
        {
            using var environment = CleanEnvironment();
            var none = Assert.Throws<CognitoConfigurationException>(() => new ConnectionOptions().Credentials().Aws);
            Assert.Equal(("CredentialsNotFound", ConfigurationProblem.Authentication), (none.ErrorId, none.Problem));

            environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "env-secret");
            Assert.Equal("AKIDENV", new ConnectionOptions().Credentials().Aws.GetCredentials().AccessKey);

            // Environment keys win over AWS_PROFILE, as in the default chain, and carry a session token when there is one.
            environment.Set("AWS_SESSION_TOKEN", "env-token").Set("AWS_PROFILE", "admin");
            var fromEnvironment = new ConnectionOptions().Credentials().Aws.GetCredentials();
            Assert.Equal(("AKIDENV", "env-secret", "env-token"), (fromEnvironment.AccessKey, fromEnvironment.SecretKey, fromEnvironment.Token));
        }
    }
}
