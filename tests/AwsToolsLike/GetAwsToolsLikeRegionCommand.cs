using System.Management.Automation;
using Amazon;

namespace AwsToolsLike
{
    /// <summary>Uses AWSSDK.Core as AWS.Tools does: a region's display name, and which AWSSDK.Core answered.</summary>
    [Cmdlet(VerbsCommon.Get, "AwsToolsLikeRegion")]
    public sealed class GetAwsToolsLikeRegionCommand : PSCmdlet
    {
        protected override void EndProcessing() =>
            WriteObject($"{RegionEndpoint.GetBySystemName("eu-west-1").DisplayName} via AWSSDK.Core {typeof(RegionEndpoint).Assembly.GetName().Version}");
    }
}
