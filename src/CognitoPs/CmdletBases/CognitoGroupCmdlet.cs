using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// What the cmdlets that change groups share: -UserPoolId and -GroupName (position 0, by value and by property name),
    /// each group checked, ShouldProcess per group naming group and pool, one request at a time, and errors about the
    /// group (a missing group named as such; it stops the command only when every item asks about it).
    /// </summary>
    public abstract class CognitoGroupCmdlet : CognitoPoolCmdlet
    {
        /// <summary>One or more group names (1-128 characters, case-sensitive). Binds from strings and from GroupName properties.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [GroupNameTransformation]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string?[]? GroupName { get; set; }

        /// <summary>What the command does to a group, for error messages, e.g. "create" ("Cannot create group 'ops' in user pool 'x'").</summary>
        protected abstract string Verb { get; }

        /// <summary>The operation -WhatIf and -Confirm name, e.g. "Create group".</summary>
        protected abstract string Action { get; }

        /// <summary>True to skip confirmation prompts (Remove-CognitoGroup's -Force).</summary>
        protected virtual bool Forced => false;

        /// <summary>Checks what this item brings besides the group name, before any request (pipeline thread).</summary>
        protected virtual void Check(string groupName)
        {
        }

        /// <summary>Does the work for one group (pipeline thread, with Await); returns what to write, or null.</summary>
        private protected abstract object? Apply(PoolTarget pool, string groupName);

        protected override void ProcessRecord()
        {
            var shared = PoolShared;
            var groupShared = !IsFromPipeline(nameof(GroupName), GroupName);
            var userPoolId = CurrentPoolId;
            foreach (var groupName in GroupName ?? new string?[] { null })
            {
                try
                {
                    InputValidation.CheckGroupName(groupName, fromCommandLine: false);
                    Check(groupName!);
                    var pool = ResolveCurrentPool();
                    if (!ShouldProcess($"group '{groupName}' in user pool '{pool.UserPoolId}'", Action, Forced))
                    {
                        continue;
                    }

                    var output = Apply(pool, groupName!);
                    if (output != null)
                    {
                        WriteObject(output);
                    }
                }
                catch (CognitoException ex)
                {
                    Report(ex, new FailureContext($"Cannot {Verb} group '{groupName}' in user pool '{userPoolId}'", null, userPoolId, shared)
                    {
                        GroupName = groupName,
                        GroupShared = groupShared,
                    });
                }
            }
        }
    }
}
