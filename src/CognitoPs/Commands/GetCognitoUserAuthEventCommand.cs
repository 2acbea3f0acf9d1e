using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets users' sign-in history (AdminListUserAuthEvents), newest first: when, from where, with what risk and outcome. Needs threat protection on the pool.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserAuthEvent")]
    [OutputType(typeof(CognitoUserAuthEvent))]
    [CognitoOperations(nameof(CognitoOperation.AdminListUserAuthEvents))]
    public sealed class GetCognitoUserAuthEventCommand : CognitoUserActionCmdlet
    {
        /// <summary>At most this many events per user, the newest (default: all that Cognito keeps, 90 days).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        /// <summary>Only events after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        protected override string Activity => "Reading the sign-in history of Cognito users";

        protected override string Done => "read";

        protected override string Verb => "read the sign-in history of";

        protected override string ActionFor(PendingUser user) => "Read sign-in history";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) => WithReply(ReadAsync(user, First, After, cancellationToken));

        protected override object? Output(PendingUser user, object? reply) =>
            ((List<AuthEventRecord>)reply!).Select(e => new CognitoUserAuthEvent(e, user.Username!, user.UserPoolId!, user.Client.Region, user.EndpointUrl)).ToArray();

        /// <summary>Pages newest first, and stops asking once -First is met or the events are older than -After.</summary>
        private static async Task<List<AuthEventRecord>> ReadAsync(PendingUser user, int first, DateTime? after, CancellationToken cancellationToken)
        {
            var events = new List<AuthEventRecord>();
            string? token = null;
            do
            {
                var page = await user.Client.AdminListUserAuthEventsAsync(user.UserPoolId!, user.Username!,
                    Math.Min(PagingCounter.MaxPageSize, first - events.Count), token, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    if (after != null && item.Time <= after)
                    {
                        return events;
                    }

                    events.Add(item);
                    if (events.Count == first)
                    {
                        return events;
                    }
                }

                token = page.NextToken;
            }
            while (token != null);

            return events;
        }
    }
}
