using System;
using System.Collections.Concurrent;
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
            CallAsync(CognitoOperation.ListGroups, RequestTarget.Pool(userPoolId), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<GroupRecord>(Json.List(reply, "Groups", GroupRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>GetGroup: a missing group throws <see cref="GroupNotFoundException"/>, a missing pool <see cref="ResourceNotFoundException"/>.</summary>
        public Task<GroupRecord> GetGroupAsync(string userPoolId, string groupName, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.GetGroup, RequestTarget.Group(userPoolId, groupName), body => WriteGroup(body, userPoolId, groupName),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var group) ? group : reply), cancellationToken);

        /// <summary>One AdminListGroupsForUser page: the groups this user belongs to.</summary>
        public Task<Page<GroupRecord>> AdminListGroupsForUserAsync(string userPoolId, string username, int limit, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminListGroupsForUser, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<GroupRecord>(Json.List(reply, "Groups", GroupRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>One ListUsersInGroup page: the group's members.</summary>
        public Task<Page<UserRecord>> ListUsersInGroupAsync(string userPoolId, string groupName, int limit, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUsersInGroup, RequestTarget.Group(userPoolId, groupName), body =>
            {
                WriteGroup(body, userPoolId, groupName);
                WritePaging(body, limit, nextToken);
            }, reply => new Page<UserRecord>(Json.List(reply, "Users", UserRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>CreateGroup: the new group. An existing name throws GroupExistsException. Not repeatable.</summary>
        public Task<GroupRecord> CreateGroupAsync(GroupRequest group, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.CreateGroup, RequestTarget.Group(group.UserPoolId, group.GroupName), body => WriteGroupRequest(body, group),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var created) ? created : reply), cancellationToken);

        /// <summary>UpdateGroup. Cognito resets every property the request leaves out, so send them all.</summary>
        public Task<GroupRecord> UpdateGroupAsync(GroupRequest group, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.UpdateGroup, RequestTarget.Group(group.UserPoolId, group.GroupName), body => WriteGroupRequest(body, group),
                reply => GroupRecord.Read(reply.TryGetProperty("Group", out var updated) ? updated : reply), cancellationToken);

        public Task DeleteGroupAsync(string userPoolId, string groupName, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.DeleteGroup, RequestTarget.Group(userPoolId, groupName), body => WriteGroup(body, userPoolId, groupName), cancellationToken);

        /// <summary>AdminAddUserToGroup. Adding a member twice is success.</summary>
        public Task AdminAddUserToGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            MembershipCallAsync(CognitoOperation.AdminAddUserToGroup, userPoolId, username, groupName, cancellationToken);

        /// <summary>AdminRemoveUserFromGroup. Removing a non-member is success.</summary>
        public Task AdminRemoveUserFromGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            MembershipCallAsync(CognitoOperation.AdminRemoveUserFromGroup, userPoolId, username, groupName, cancellationToken);

        private Task MembershipCallAsync(CognitoOperation operation, string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
            CallAsync(operation, RequestTarget.Membership(userPoolId, username, groupName), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteString("GroupName", groupName);
            }, cancellationToken);

        /// <summary>
        /// Cognito answers ResourceNotFoundException for a missing pool and for a missing group or device alike. When a
        /// request about a group or a device gets it, one DescribeUserPool (once per pool) tells which was asked about in
        /// vain: a missing group becomes <see cref="GroupNotFoundException"/>, a missing device
        /// <see cref="DeviceNotFoundException"/>, a missing import job <see cref="ImportJobNotFoundException"/>. Any other
        /// failure is returned as it is.
        /// </summary>
        private async Task<CognitoServiceException> AboutResourceAsync(CognitoServiceException failure, RequestTarget target, CancellationToken cancellationToken)
        {
            if (failure is not ResourceNotFoundException missing || target.UserPoolId is null || (target.GroupName is null && target.DeviceKey is null && target.JobId is null)
                || !await PoolExistsAsync(target.UserPoolId, missing, cancellationToken).ConfigureAwait(false))
            {
                return failure;
            }

            return target.GroupName != null ? new GroupNotFoundException(target.GroupName, target.UserPoolId, missing)
                : target.DeviceKey != null ? new DeviceNotFoundException(target.DeviceKey, target.Username ?? "", target.UserPoolId, missing)
                : new ImportJobNotFoundException(target.JobId!, target.UserPoolId, missing);
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
            catch (CognitoException)
            {
                // Not allowed to describe the pool (a role that may only manage groups), or no answer: go by the wording.
                return !answer.Message.Contains("pool", StringComparison.OrdinalIgnoreCase);
            }

            return _poolExists[userPoolId] = exists;
        }

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
}
