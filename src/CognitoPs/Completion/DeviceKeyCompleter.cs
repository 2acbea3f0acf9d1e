using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Tab completion for -DeviceKey: the devices of the user named by -Username, in the pool of -UserPoolId or the
    /// connected one, with each device's name as its tool tip. Like the other completers it never prompts and never
    /// throws, and keeps a listing that succeeded for a few minutes.
    /// </summary>
    internal sealed class DeviceKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSupport.Offer(wordToComplete, () => Devices(fakeBoundParameters)
                .Select(device => (device.DeviceKey, device.Attributes.FirstOrDefault(a => a.Key == "device_name").Value ?? device.DeviceKey)));

        private static IReadOnlyList<DeviceRecord> Devices(IDictionary bound)
        {
            var userPoolId = CompletionSupport.Given(bound, "UserPoolId") ?? CognitoSession.Current?.UserPoolId;
            var username = CompletionSupport.Given(bound, "Username");
            return userPoolId is null || username is null
                ? Array.Empty<DeviceRecord>()
                : CompletionSupport.Listing(bound, userPoolId, $"devices of {username} in {userPoolId}", (client, deadline) =>
                    Pages.AllAsync(token => client.AdminListDevicesAsync(userPoolId, username, PagingCounter.MaxPageSize, token, deadline)));
        }
    }
}
