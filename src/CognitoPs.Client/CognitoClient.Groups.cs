using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The group operations, one method each.</summary>
    public sealed partial class CognitoClient
    {
        private readonly ConcurrentDictionary<string, bool> _poolExists = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        /// <summary>One ListGroups page (Limit 1–60).</summary>
        public Task<Page<GroupRecord>> ListGroupsAsync(string userPoolId, int limit, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListGroups, $"user pool '{userPoolId}'", body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<GroupRecord>(Json.List(reply, "Groups", GroupRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>GetGroup: a missing group (or pool) throws <see cref="ResourceNotFoundException"/>.</summary>
        public Task<GroupRecord> GetGroupAsync(string userPoolId, string groupName, CancellationToken cancellationToken) =>
            AboutGroupAsync(CallAsync(CognitoOperation.GetGroup, GroupSubject(groupName, userPoolId), body => WriteGroup(body, userPoolId, groupName),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var group) ? group : reply), cancellationToken), userPoolId, groupName, cancellationToken);

        /// <summary>One AdminListGroupsForUser page: the groups this user belongs to.</summary>
        public Task<Page<GroupRecord>> AdminListGroupsForUserAsync(string userPoolId, string username, int limit, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminListGroupsForUser, UserSubject(username, userPoolId), body =>
            {
                WriteUser(body, userPoolId, username);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<GroupRecord>(Json.List(reply, "Groups", GroupRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>One ListUsersInGroup page: the group's members.</summary>
        public Task<Page<UserRecord>> ListUsersInGroupAsync(string userPoolId, string groupName, int limit, string? nextToken, CancellationToken cancellationToken) =>
            AboutGroupAsync(CallAsync(CognitoOperation.ListUsersInGroup, GroupSubject(groupName, userPoolId), body =>
            {
                WriteGroup(body, userPoolId, groupName);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<UserRecord>(Json.List(reply, "Users", UserRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken), userPoolId, groupName, cancellationToken);

        /// <summary>CreateGroup: the new group. An existing name throws GroupExistsException. Not repeatable.</summary>
        public Task<GroupRecord> CreateGroupAsync(GroupRequest group, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.CreateGroup, GroupSubject(group.GroupName, group.UserPoolId), body => WriteGroupRequest(body, group),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var created) ? created : reply), cancellationToken);

        /// <summary>UpdateGroup. Cognito resets every property the request leaves out, so send them all.</summary>
        public Task<GroupRecord> UpdateGroupAsync(GroupRequest group, CancellationToken cancellationToken) =>
            AboutGroupAsync(CallAsync(CognitoOperation.UpdateGroup, GroupSubject(group.GroupName, group.UserPoolId), body => WriteGroupRequest(body, group),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var updated) ? updated : reply), cancellationToken), group.UserPoolId, group.GroupName, cancellationToken);

        public Task DeleteGroupAsync(string userPoolId, string groupName, CancellationToken cancellationToken) =>
            AboutGroupAsync(CallAsync(CognitoOperation.DeleteGroup, GroupSubject(groupName, userPoolId), body => WriteGroup(body, userPoolId, groupName), cancellationToken),
                userPoolId, groupName, cancellationToken);

        /// <summary>AdminAddUserToGroup. Adding a member twice is success.</summary>
        public Task AdminAddUserToGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            MembershipCallAsync(CognitoOperation.AdminAddUserToGroup, userPoolId, username, groupName, cancellationToken);

        /// <summary>AdminRemoveUserFromGroup. Removing a non-member is success.</summary>
        public Task AdminRemoveUserFromGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            MembershipCallAsync(CognitoOperation.AdminRemoveUserFromGroup, userPoolId, username, groupName, cancellationToken);

        private Task MembershipCallAsync(CognitoOperation operation, string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            AboutGroupAsync(CallAsync(operation, $"{UserSubject(username, userPoolId)} and group '{groupName}'", body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteString("GroupName", groupName);
            }, cancellationToken), userPoolId, groupName, cancellationToken);

        /// <summary>
        /// Cognito answers ResourceNotFoundException for a missing pool and for a missing group alike. When a request
        /// about a group gets it, one DescribeUserPool (once per pool) tells which was asked about in vain; a missing
        /// group becomes <see cref="GroupNotFoundException"/>.
        /// </summary>
        private async Task<T> AboutGroupAsync<T>(Task<T> call, string userPoolId, string groupName, CancellationToken cancellationToken)
        {
            ResourceNotFoundException missing;
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                missing = ex;
            }

            if (await PoolExistsAsync(userPoolId, missing, cancellationToken).ConfigureAwait(false))
            {
                throw new GroupNotFoundException(groupName, userPoolId, missing);
            }

            ExceptionDispatchInfo.Capture(missing).Throw();
            throw missing; // not reached
        }

        private async Task AboutGroupAsync(Task call, string userPoolId, string groupName, CancellationToken cancellationToken) =>
            await AboutGroupAsync(WithoutResult(call), userPoolId, groupName, cancellationToken).ConfigureAwait(false);

        private static async Task<bool> WithoutResult(Task call)
        {
            await call.ConfigureAwait(false);
            return true;
        }

        private async Task<bool> PoolExistsAsync(string userPoolId, ResourceNotFoundException answer, CancellationToken cancellationToken)
        {
            if (_poolExists.TryGetValue(userPoolId, out var exists))
            {
                return exists;
            }

            try
            {
                await DescribeUserPoolAsync(userPoolId, cancellationToken).ConfigureAwait(false);
                exists = true;
            }
            catch (ResourceNotFoundException)
            {
                exists = false;
            }
            catch (CognitoServiceException)
            {
                // Not allowed to describe the pool (a role that may only manage groups): go by the answer's wording.
                return answer.Message.IndexOf("pool", StringComparison.OrdinalIgnoreCase) < 0;
            }

            return _poolExists[userPoolId] = exists;
        }

        private static string GroupSubject(string groupName, string userPoolId) => $"group '{groupName}' in user pool '{userPoolId}'";

        private static void WriteGroup(JsonBodyWriter body, string userPoolId, string groupName)
        {
            body.WriteString("UserPoolId", userPoolId);
            body.WriteString("GroupName", groupName);
        }

        private static void WritePaging(JsonBodyWriter body, int limit, string? nextToken)
        {
            body.WriteNumber("Limit", limit);
            if (nextToken != null)
            {
                body.WriteString("NextToken", nextToken);
            }
        }

        private static void WriteGroupRequest(JsonBodyWriter body, GroupRequest group)
        {
            WriteGroup(body, group.UserPoolId, group.GroupName);
            if (group.Description != null)
            {
                body.WriteString("Description", group.Description);
            }

            if (group.Precedence != null)
            {
                body.WriteNumber("Precedence", group.Precedence.Value);
            }

            if (group.RoleArn != null)
            {
                body.WriteString("RoleArn", group.RoleArn);
            }
        }
    }

    /// <summary>What CreateGroup and UpdateGroup send; null properties are left out.</summary>
    public sealed class GroupRequest
    {
        public GroupRequest(string userPoolId, string groupName)
        {
            UserPoolId = userPoolId;
            GroupName = groupName;
        }

        public string UserPoolId { get; }

        public string GroupName { get; }

        public string? Description { get; set; }

        public int? Precedence { get; set; }

        public string? RoleArn { get; set; }
    }
}
