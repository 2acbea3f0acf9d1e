using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The user pool operations, one method each.</summary>
    public sealed partial class CognitoClient
    {
        /// <summary>DescribeUserPool: the pool's name, size estimate and password policy. Unknown pools throw <see cref="ResourceNotFoundException"/>.</summary>
        public Task<UserPoolRecord> DescribeUserPoolAsync(string userPoolId, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.DescribeUserPool, RequestTarget.Pool(userPoolId), body => body.WriteString("UserPoolId", userPoolId), reply =>
            {
                if (!reply.TryGetProperty("UserPool", out var pool) || pool.ValueKind != JsonValueKind.Object)
                {
                    throw new CognitoServiceException("MalformedReply", "DescribeUserPool answered without a UserPool object.", HttpStatusCode.OK, null);
                }

                return UserPoolRecord.Read(pool);
            }, cancellationToken);

        /// <summary>One ListUserPools page (MaxResults 1–60).</summary>
        public Task<Page<UserPoolRecord>> ListUserPoolsAsync(int maxResults, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUserPools, RequestTarget.AllPools(Region), body =>
            {
                body.WriteNumber("MaxResults", maxResults);
                if (nextToken != null)
                {
                    body.WriteString("NextToken", nextToken);
                }
            }, reply => new Page<UserPoolRecord>(Json.List(reply, "UserPools", UserPoolRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);
    }
}
