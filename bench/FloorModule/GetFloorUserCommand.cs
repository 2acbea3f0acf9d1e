using System.Management.Automation;

namespace FloorModule
{
    /// <summary>Takes the parameters B8 passes to Get-CognitoUser and returns the first user, without asking anyone.</summary>
    [Cmdlet(VerbsCommon.Get, "FloorUser", SupportsPaging = true)]
    [OutputType(typeof(FloorUser))]
    public sealed class GetFloorUserCommand : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public string UserPoolId { get; set; } = "";

        [Parameter]
        public string? EndpointUrl { get; set; }

        protected override void ProcessRecord() => WriteObject(new FloorUser { Username = "user-000001" });
    }

    public sealed class FloorUser
    {
        public string Username { get; set; } = "";
    }
}
