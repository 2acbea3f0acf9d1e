using System;
using System.Threading.Tasks;
using CognitoPs.Commands;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The first CognitoPs command of a process starts the client's warm-up beside it, and the warm-up succeeds.</summary>
    public class FirstRequestWarmUpTests
    {
        [Fact]
        public async Task TheFirstCommandStartsAWarmUpThatCompletes()
        {
            using (var runspace = new HostedRunspace("http://127.0.0.1:9"))
            {
                // Nothing listens on port 9: the command fails, but it was created, and that starts the warm-up.
                runspace.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -Credential $cred -EndpointUrl $url -MaxRetries 0 -ErrorAction SilentlyContinue");
            }

            // Faults (and so fails this test) if the warm-up threw; times out if no command ever started it.
            await FirstRequestWarmUp.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
