using System;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The warm-up runs the client's request path in memory: it needs no credentials and no endpoint.</summary>
    [Collection(EnvironmentCollection.Name)]
    public class ClientWarmUpTests
    {
        [Fact]
        public void ReadsItsCannedUserWithoutCredentialsOrAnyEndpoint()
        {
            var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cognitops-no-such-file-" + Guid.NewGuid().ToString("n"));
            using var environment = new EnvironmentScope()
                .Set("AWS_ACCESS_KEY_ID", null).Set("AWS_SECRET_ACCESS_KEY", null).Set("AWS_SESSION_TOKEN", null).Set("AWS_PROFILE", null)
                .Set("AWS_SHARED_CREDENTIALS_FILE", missing).Set("AWS_CONFIG_FILE", missing);

            // Its own handler answers: this machine reaches no AWS endpoint, so a real send would fail here.
            Assert.Equal(1, ClientWarmUp.Run());
        }
    }
}
