using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets user pools: one or more by id (DescribeUserPool), or all pools of a region (ListUserPools).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserPool", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(CognitoUserPool))]
    [CognitoOperations(nameof(CognitoOperation.DescribeUserPool), nameof(CognitoOperation.ListUserPools))]
    public sealed class GetCognitoUserPoolCommand : CognitoCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The pool ids to describe; without them, every pool of the region is listed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(UserPoolIdCompleter))]
        public string?[]? UserPoolId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                ListPools();
                return;
            }

            foreach (var userPoolId in UserPoolId ?? new string?[] { null })
            {
                DescribePool(userPoolId);
            }
        }

        private void DescribePool(string? userPoolId)
        {
            try
            {
                // Like other Get- cmdlets, an id that does not exist fails alone (ObjectNotFound): the others are still described.
                var target = ResolvePool(userPoolId, shared: false);
                var pool = Await(target.Client.DescribeUserPoolAsync(target.UserPoolId, StopToken));
                WriteObject(new CognitoUserPool(pool, target.Client.Region, target.EndpointUrl));
            }
            catch (CognitoException ex)
            {
                Report(ex, $"Cannot get user pool '{userPoolId}'", null, userPoolId, settingsShared: false);
            }
        }

        private void ListPools()
        {
            try
            {
                var settings = CurrentSettings();
                settings.Validate();
                var client = ClientFor(settings, userPoolId: null);
                var endpoint = settings.ResolveEndpointOverride()?.ToString();
                WritePages((token, size) => client.ListUserPoolsAsync(size, token, StopToken), pool => WriteObject(new CognitoUserPool(pool, client.Region, endpoint)), new PagingCounter(null));
            }
            catch (CognitoException ex)
            {
                Report(ex, "Cannot list user pools", null, null, settingsShared: true);
            }
        }
    }
}
