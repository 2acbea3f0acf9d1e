using System;
using System.Collections;
using System.Management.Automation;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>-Credential's shapes: what admins hold (PSCredential, temporary credentials, AWS.Tools objects) becomes the client's AccessKeyCredential.</summary>
    public class CredentialInputTests
    {
        private static (string Id, string Secret, string? Token) Read(AccessKeyCredential? credential) =>
            (credential!.AccessKeyId, SecureStringText.Of(credential.SecretAccessKey), credential.SessionToken);

        [Fact]
        public void APSCredentialIsAnAccessKeyAndItsSecret() =>
            Assert.Equal(("AKIDPS", "ps-secret", null), Read(CredentialInput.From(new PSCredential("AKIDPS", Secrets.Secure("ps-secret")))));

        [Fact]
        public void TemporaryCredentialsKeepTheirSessionTokenWhateverTheirShape()
        {
            var fromObject = PSObject.AsPSObject(new { AccessKeyId = "ASIAOBJ", SecretAccessKey = "obj-secret", SessionToken = "obj-token", Expiration = DateTime.UtcNow });
            var custom = new PSObject();
            custom.Properties.Add(new PSNoteProperty("AccessKeyId", "ASIACUSTOM"));
            custom.Properties.Add(new PSNoteProperty("SecretAccessKey", "custom-secret"));
            custom.Properties.Add(new PSNoteProperty("SessionToken", "custom-token"));
            var table = new Hashtable { ["accesskeyid"] = "ASIATABLE", ["SecretAccessKey"] = Secrets.Secure("table-secret"), ["SessionToken"] = "table-token" };

            Assert.Equal(("ASIAOBJ", "obj-secret", "obj-token"), Read(CredentialInput.From(fromObject)));
            Assert.Equal(("ASIACUSTOM", "custom-secret", "custom-token"), Read(CredentialInput.From(custom)));
            Assert.Equal(("ASIATABLE", "table-secret", "table-token"), Read(CredentialInput.From(table)));
        }

        [Fact]
        public void AwsToolsCredentialsAreReadByShapeThroughGetCredentials()
        {
            // AWS.Tools' AWSCredentials live in another load context: what counts is GetCredentials() and its AccessKey, SecretKey, Token.
            var awsTools = PSObject.AsPSObject(new ToolsLikeCredentials());

            Assert.Equal(("ASIATOOLS", "tools-secret", "tools-token"), Read(CredentialInput.From(awsTools)));
        }

        [Theory]
        [InlineData("just-a-string")]
        [InlineData(42)]
        public void AValueWithoutKeysIsRefusedWithoutQuotingIt(object value)
        {
            var error = Assert.Throws<ArgumentException>(() => CredentialInput.From(value));

            Assert.Contains("AccessKeyId", error.Message);
            Assert.DoesNotContain(value.ToString()!, error.Message);
        }

        [Fact]
        public void AnEmptySecretIsRefused() =>
            Assert.Throws<ArgumentException>(() => CredentialInput.From(new Hashtable { ["AccessKeyId"] = "ASIAX", ["SecretAccessKey"] = "" }));

        [Theory]
        [InlineData("-NonInteractive", true)]
        [InlineData("-noni", true)]
        [InlineData("-NonInter", true)]
        [InlineData("/NonInteractive", true)]
        [InlineData("-non", false)]
        [InlineData("-NoProfile", false)]
        [InlineData("NonInteractive", false)]
        public void PwshsNonInteractiveSwitchIsRecognisedInEveryFormPwshAccepts(string argument, bool expected) =>
            Assert.Equal(expected, InteractiveSession.IsNonInteractiveSwitch(argument));

        /// <summary>The shape of an AWS.Tools (AWSSDK.Core) AWSCredentials object.</summary>
        public sealed class ToolsLikeCredentials
        {
            public object GetCredentials() => new { AccessKey = "ASIATOOLS", SecretKey = "tools-secret", Token = "tools-token", UseToken = true };
        }
    }
}
