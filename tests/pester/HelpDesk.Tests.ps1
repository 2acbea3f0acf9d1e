# The help desk's cmdlets against the project's stand-in (cognito-local implements none of these operations), through the
# fault gateway, which records every operation sent; state is read back through the AWS JS SDK.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function Add-HelpDeskPool([string] $PoolId, [object[]] $Users, [hashtable] $Settings) {
        $seed = @{ pool = $PoolId; users = @($Users); settings = $Settings } | ConvertTo-Json -Depth 8
        Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body $seed | Out-Null
    }
    function Invoke-FakeSdk([string] $Operation, [hashtable] $Body) { Invoke-Sdk $Operation $Body -Endpoint $FakeUrl }
    function Test-Refresh([string] $PoolId, [string] $Token) {
        try {
            $null = Invoke-FakeSdk AdminInitiateAuth @{ UserPoolId = $PoolId; ClientId = 'help-desk-app'; AuthFlow = 'REFRESH_TOKEN_AUTH'; AuthParameters = @{ REFRESH_TOKEN = $Token } }
            'accepted'
        }
        catch { "$_" }
    }
    function Get-DeclaredOccasional([string] $Command) {
        $declared = (Get-Command $Command).ImplementingType.GetCustomAttributes($false) | Where-Object { $_.GetType().Name -eq 'CognitoOperationsAttribute' }
        @($declared.Occasional | ForEach-Object { "cognito-idp:$_" })
    }

    $Pool = 'eu-west-1_HelpDeskMorning'
    $DeviceKeys = 1..3 | ForEach-Object { "eu-west-1_0000000$_-aaaa-4bbb-8ccc-00000000000$_" }
    Add-HelpDeskPool $Pool -Settings @{ ThreatProtection = $true; TemporaryPasswordValidityDays = 3; Providers = @(@{ ProviderName = 'Google'; ProviderType = 'Google' }) } -Users @(
        @{ Username = 'stale-1'; UserStatus = 'FORCE_CHANGE_PASSWORD'; DaysOld = 5; Attributes = @(@{ Name = 'email'; Value = 'stale-1@example.com' }) }
        @{ Username = 'stale-2'; UserStatus = 'FORCE_CHANGE_PASSWORD'; DaysOld = 12; Attributes = @(@{ Name = 'email'; Value = 'stale-2@example.com' }) }
        @{ Username = 'invited-yesterday'; UserStatus = 'FORCE_CHANGE_PASSWORD'; DaysOld = 1; Attributes = @(@{ Name = 'email'; Value = 'new@example.com' }) }
        @{ Username = 'long-standing'; UserStatus = 'CONFIRMED'; DaysOld = 40 }
        @{ Username = 'lost-phone'; UserStatus = 'CONFIRMED'; DaysOld = 40; SoftwareToken = $true; EnabledMfa = @('SOFTWARE_TOKEN_MFA', 'SMS_MFA'); PreferredMfa = 'SOFTWARE_TOKEN_MFA'
            Attributes = @(@{ Name = 'phone_number'; Value = '+15550100' }, @{ Name = 'phone_number_verified'; Value = 'true' })
            Devices = @($DeviceKeys | ForEach-Object { @{ DeviceKey = $_ } }); RefreshTokens = @('rt-lost-phone') }
        @{ Username = 'traveller'; UserStatus = 'CONFIRMED'; AuthEvents = @(1..8 | ForEach-Object { @{ EventId = "event-$_"; MinutesAgo = $_ * 45; City = "City $_" } }) }
        @{ Username = 'alice'; UserStatus = 'CONFIRMED' }
    )
    $GoogleId = '108234567890123456789'
    $Target = @{ UserPoolId = $Pool; EndpointUrl = $FakeGatewayUrl }
    Invoke-RestMethod -Method Post -Uri "$FakeGatewayUrl/__reset" | Out-Null     # from here on the gateway records the morning's operations
}

AfterAll { Stop-OwnTestServers }

Describe 'A help-desk morning, against the stand-in' {
    It 'finds the users whose invitation expired (the pool allows 3 days) and resends their invitations by email' {
        $expired = Get-CognitoUser -InvitationExpired @Target

        $expired.Username | Sort-Object | Should -Be @('stale-1', 'stale-2')   # 5 days old is expired at 3 days, not at the default 7
        $sent = $expired | Send-CognitoUserInvitation -DeliveryMedium Email -PassThru

        $sent.Action | Should -Be @('InvitationSent', 'InvitationSent')
        $messages = (Get-FakeStats).messages
        $messages.'stale-1' | Should -Be 1
        $messages.'stale-2' | Should -Be 1
        $messages.PSObject.Properties.Name | Should -Not -Contain 'invited-yesterday'
        (Get-FakeGatewayStats).byOperation.DescribeUserPool | Should -Be 1     # the pool's validity, read once
    }

    It 'narrows a listing by creation date on the client while the status filter goes to the server' {
        $old = Get-CognitoUser -Status CONFIRMED -CreatedBefore (Get-Date).AddDays(-30) @Target

        $old.Username | Sort-Object | Should -Be @('long-standing', 'lost-phone')
        (Get-CognitoUser -CreatedAfter (Get-Date).AddDays(-2) -Status FORCE_CHANGE_PASSWORD @Target).Username | Should -Be 'invited-yesterday'
    }

    It 'resets a lost phone with -ForgetDevices -SignOut: TOTP is gone, the devices are gone, the refresh token is refused' {
        Test-Refresh $Pool 'rt-lost-phone' | Should -Be 'accepted'
        (Get-CognitoUserDevice lost-phone @Target).DeviceKey | Should -Be $DeviceKeys
        $before = Get-CognitoUserMfa lost-phone @Target
        $before.PreferredMfa | Should -Be 'SOFTWARE_TOKEN_MFA'
        $before.AuthFactors | Should -Contain 'SOFTWARE_TOKEN'

        $reset = Reset-CognitoUserMfa lost-phone -ForgetDevices -SignOut -Force -PassThru @Target

        $reset.Action | Should -Be 'MfaReset'
        $factors = Invoke-FakeSdk AdminGetUserAuthFactors @{ UserPoolId = $Pool; Username = 'lost-phone' }
        $factors.ConfiguredUserAuthFactors | Should -Not -Contain 'SOFTWARE_TOKEN'
        $factors.UserMFASettingList | Should -Be @('SMS_MFA')              # SMS stays as it was
        $factors.PSObject.Properties.Name | Should -Not -Contain 'PreferredMfaSetting'
        (Invoke-FakeSdk AdminListDevices @{ UserPoolId = $Pool; Username = 'lost-phone' }).Devices | Should -BeNullOrEmpty
        Test-Refresh $Pool 'rt-lost-phone' | Should -Be 'NotAuthorizedException: Refresh Token has been revoked'
        (Get-FakeGatewayStats).byOperation.AdminForgetDevice | Should -Be 3
    }

    It "reads a user's last five sign-ins, newest first, and stops asking once it has them" {
        $events = Get-CognitoUserAuthEvent traveller -First 5 @Target

        $events.EventId | Should -Be @('event-1', 'event-2', 'event-3', 'event-4', 'event-5')
        $events[0].GetType().FullName | Should -Be 'CognitoPs.CognitoUserAuthEvent'
        $events[0].City | Should -Be 'City 1'
        $events[0].Response | Should -Be 'Pass'
        $events[0].RiskLevel | Should -Be 'Low'
        $sdk = (Invoke-FakeSdk AdminListUserAuthEvents @{ UserPoolId = $Pool; Username = 'traveller'; MaxResults = 5 }).AuthEvents
        $events.EventId | Should -Be @($sdk.EventId)
        (Get-FakeGatewayStats).byOperation.AdminListUserAuthEvents | Should -Be 1
    }

    It 'links a Google identity to a native user and unlinks it again, read back through the JS SDK' {
        Add-CognitoUserIdentity alice -ProviderName Google -ProviderUserId $GoogleId @Target

        $linked = Get-CognitoUserIdentity alice @Target
        $linked.ProviderName | Should -Be 'Google'
        $linked.ProviderType | Should -Be 'Google'
        $linked.UserId | Should -Be $GoogleId
        (Get-SdkUser $Pool 'alice' -Endpoint $FakeUrl).Attributes.identities | Should -Match $GoogleId

        $linked | Remove-CognitoUserIdentity

        (Get-SdkUser $Pool 'alice' -Endpoint $FakeUrl).Attributes.ContainsKey('identities') | Should -BeFalse
        Get-CognitoUserIdentity alice @Target | Should -BeNullOrEmpty
    }

    It 'generates the policy for the commands of the morning: every action they sent, and beyond that only their occasional ones' {
        $used = 'Get-CognitoUser', 'Send-CognitoUserInvitation', 'Get-CognitoUserDevice', 'Get-CognitoUserMfa', 'Reset-CognitoUserMfa',
            'Get-CognitoUserAuthEvent', 'Add-CognitoUserIdentity', 'Get-CognitoUserIdentity', 'Remove-CognitoUserIdentity'
        $policy = Get-CognitoIamPolicy -Command $used | ConvertFrom-Json
        $allowed = @($policy.Statement | ForEach-Object { $_.Action }) | Sort-Object -Unique
        $recorded = @((Get-FakeGatewayStats).byOperation.PSObject.Properties.Name | ForEach-Object { "cognito-idp:$_" }) | Sort-Object

        $recorded | Where-Object { $_ -notin $allowed } | Should -BeNullOrEmpty -Because 'every action the commands sent must be allowed'
        $occasional = $used | ForEach-Object { Get-DeclaredOccasional $_ }
        $allowed | Where-Object { $_ -notin $recorded -and $_ -notin $occasional } | Should -BeNullOrEmpty -Because 'the policy allows nothing else they always send'
        $policy.Statement[0].Resource | Should -Be 'arn:aws:cognito-idp:*:*:userpool/*'
    }
}

Describe 'Help-desk edge cases, against the stand-in' {
    BeforeAll {
        $Plain = 'eu-west-1_NoThreatProtection'
        $Legacy = 'eu-west-1_Old_Legacy'
        Add-HelpDeskPool $Plain -Settings @{} -Users @(@{ Username = 'u1' }, @{ Username = 'u2' })
        Add-HelpDeskPool $Legacy -Settings @{} -Users @(@{ Username = 'old-phone'; SoftwareToken = $true; EnabledMfa = @('SOFTWARE_TOKEN_MFA') })
    }

    It 'a pool without threat protection is one pool-wide error saying what to switch on, not one per user' {
        $requests = [int](Get-FakeStats).byOperation.AdminListUserAuthEvents
        $stopped = $events = $null
        try { $events = 'u1', 'u2' | Get-CognitoUserAuthEvent -UserPoolId $Plain -EndpointUrl $FakeGatewayUrl } catch { $stopped = $_ }

        $events | Should -BeNullOrEmpty
        $stopped.FullyQualifiedErrorId | Should -BeLike 'UserPoolAddOnNotEnabled,*'      # the pool came from the command line: no user can succeed
        $stopped.CategoryInfo.Category | Should -Be 'NotEnabled'
        $stopped.TargetObject | Should -Be $Plain
        $stopped.ErrorDetails.RecommendedAction | Should -Match 'threat protection'
        [int](Get-FakeStats).byOperation.AdminListUserAuthEvents | Should -Be ($requests + 1)
    }

    It 'on an endpoint without AdminDeleteSoftwareToken, switches TOTP off instead and warns that the app stays registered' {
        Reset-CognitoUserMfa old-phone -UserPoolId $Legacy -EndpointUrl $FakeGatewayUrl -Force -WarningVariable warned -WarningAction SilentlyContinue

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'stays registered'
        (Invoke-FakeSdk AdminGetUser @{ UserPoolId = $Legacy; Username = 'old-phone' }).PSObject.Properties.Name | Should -Not -Contain 'UserMFASettingList'
        $mfa = Get-CognitoUserMfa old-phone -UserPoolId $Legacy -EndpointUrl $FakeGatewayUrl -Verbose 4>&1
        ($mfa | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'does not know AdminGetUserAuthFactors'
        ($mfa | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).AuthFactors | Should -BeNullOrEmpty
    }

    It 'refuses to unlink an identity that is not linked to the user named, and sends no unlink' {
        Add-HelpDeskPool $Pool -Users @() -Settings @{ ThreatProtection = $true; Providers = @(@{ ProviderName = 'Google'; ProviderType = 'Google' }) }
        Add-CognitoUserIdentity alice -ProviderName Google -ProviderUserId 'someone-else' @Target
        $unlinks = [int](Get-FakeStats).byOperation.AdminDisableProviderForUser

        'long-standing' | Remove-CognitoUserIdentity -ProviderName Google -ProviderUserId 'someone-else' @Target -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'IdentityNotLinked,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        [int](Get-FakeStats).byOperation.AdminDisableProviderForUser | Should -Be $unlinks
        (Get-CognitoUserIdentity alice @Target).UserId | Should -Be 'someone-else'
    }

    It '-WhatIf names the user, the pool and what would change, and sends nothing' {
        $requests = (Get-FakeStats).requests
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        Reset-CognitoUserMfa lost-phone -ForgetDevices -SignOut @Target -WhatIf
        Set-CognitoUserMfaPreference alice -Sms Disabled @Target -WhatIf
        Remove-CognitoUserDevice alice -DeviceKey 'eu-west-1_00000009-aaaa-4bbb-8ccc-000000000009' @Target -WhatIf
        Send-CognitoUserInvitation stale-1 @Target -WhatIf
        Add-CognitoUserIdentity alice -ProviderName Google -ProviderUserId 'x-1' @Target -WhatIf
        Remove-CognitoUserIdentity alice -ProviderName Google -ProviderUserId 'x-1' @Target -WhatIf
        Stop-Transcript | Out-Null

        (Get-FakeStats).requests | Should -Be $requests
        $lines = @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 6
        $lines | ForEach-Object { $_ | Should -Match ([regex]::Escape("in user pool '$Pool'")) }
        $lines[0] | Should -Match "authenticator app.*forget every remembered device.*sign out everywhere.*user 'lost-phone'"
        $lines[2] | Should -Match 'eu-west-1_00000009'
        $lines[4] | Should -Match "Google.*x-1.*user 'alice'"
    }
}
