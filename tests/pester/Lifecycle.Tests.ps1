# The user lifecycle cmdlets against cognito-local, with every resulting state read back through the AWS JS SDK,
# and against the project's stand-in where cognito-local lacks the operation or answers unlike Cognito.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Marker = 'Tmp!' + [guid]::NewGuid().ToString('n').Substring(0, 10) + '#Aa1'
    $SecureMarker = ConvertTo-SecureString $Marker -AsPlainText -Force
    function Reveal([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }   # test-side only
}

AfterAll {
    Disconnect-CognitoUserPool
    Stop-OwnTestServers
}

Describe 'User lifecycle against cognito-local' {
    BeforeEach {
        $Pool = New-EmulatorPool -Url $EmulatorUrl -Name 'lifecycle' -Username 'contractor-1', 'contractor-2', 'staff-1'
        Connect-CognitoUserPool $Pool.Id -EndpointUrl $EmulatorUrl | Out-Null
    }
    AfterEach { Disconnect-CognitoUserPool }

    It 'CSV onboarding -> New-CognitoUser -> Disable-CognitoUser -> Remove-CognitoUser, each step read back' {
        $csv = Join-Path $TestDrive 'new-hires.csv'
        @(
            [pscustomobject]@{ Username = 'ann'; Email = 'ann@example.com'; GivenName = 'Ann'; FamilyName = 'Lee'; PhoneNumber = '' }
            [pscustomobject]@{ Username = 'ben'; Email = 'ben@example.com'; GivenName = 'Ben'; FamilyName = 'Ode'; PhoneNumber = '+15550100' }
        ) | Export-Csv $csv -NoTypeInformation

        $created = Import-Csv $csv | New-CognitoUser -EmailVerified -MessageAction Suppress -Attribute @{ 'custom:team' = 'ops' } -ThrottleLimit 2

        $created.Username | Should -Be @('ann', 'ben')
        $created[0].GetType().FullName | Should -Be 'CognitoPs.CognitoUser'
        $created.Status | Should -Be @('FORCE_CHANGE_PASSWORD', 'FORCE_CHANGE_PASSWORD')
        $ann = Get-SdkUser $Pool.Id 'ann'
        $ann.Attributes.email | Should -Be 'ann@example.com'
        $ann.Attributes.email_verified | Should -Be 'true'
        $ann.Attributes.given_name | Should -Be 'Ann'
        $ann.Attributes.family_name | Should -Be 'Lee'
        $ann.Attributes['custom:team'] | Should -Be 'ops'
        $ann.Attributes.ContainsKey('phone_number') | Should -BeFalse      # an empty CSV cell sets nothing
        (Get-SdkUser $Pool.Id 'ben').Attributes.phone_number | Should -Be '+15550100'

        $disabled = $created | Disable-CognitoUser -PassThru
        $disabled.Action | Should -Be @('Disabled', 'Disabled')
        (Get-SdkUser $Pool.Id 'ann').Enabled | Should -BeFalse
        (Get-SdkUser $Pool.Id 'ben').Enabled | Should -BeFalse

        $disabled | Remove-CognitoUser -Force
        Test-SdkUserExists $Pool.Id 'ann' | Should -BeFalse
        Test-SdkUserExists $Pool.Id 'ben' | Should -BeFalse
        Test-SdkUserExists $Pool.Id 'staff-1' | Should -BeTrue
    }

    It 'Get-CognitoUser -UsernamePrefix | Disable-CognitoUser, then Enable-CognitoUser, touches only those users' {
        Get-CognitoUser -UsernamePrefix 'contractor-' | Disable-CognitoUser
        (Get-SdkUser $Pool.Id 'contractor-1').Enabled | Should -BeFalse
        (Get-SdkUser $Pool.Id 'contractor-2').Enabled | Should -BeFalse
        (Get-SdkUser $Pool.Id 'staff-1').Enabled | Should -BeTrue

        $enabled = Get-CognitoUser -UsernamePrefix 'contractor-' | Enable-CognitoUser -PassThru
        $enabled.Username | Should -Be @('contractor-1', 'contractor-2')
        (Get-SdkUser $Pool.Id 'contractor-1').Enabled | Should -BeTrue
    }

    It 'New-CognitoUser -GeneratePassword: the password is in the output object only, and signs in' {
        $transcript = Join-Path $TestDrive 'generated.txt'
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        $user = New-CognitoUser 'gen-1' -GeneratePassword -MessageAction Suppress -Verbose
        Stop-Transcript | Out-Null

        $plain = Reveal $user.TemporaryPassword
        $plain.Length | Should -BeGreaterOrEqual 20
        $signIn = Invoke-EmulatorSignIn $Pool 'gen-1' $plain
        ($signIn.PSObject.Properties.Name -contains 'ChallengeName' -or $signIn.PSObject.Properties.Name -contains 'AuthenticationResult') | Should -BeTrue
        (Get-Content $transcript -Raw) | Should -Not -Match ([regex]::Escape($plain))
        ($user | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($plain))
    }

    It 'New-CognitoUser -TemporaryPassword sets that password; an existing name is UsernameExists for that user only' {
        $results = 'fresh-1', 'staff-1', 'fresh-2' | New-CognitoUser -TemporaryPassword $SecureMarker -MessageAction Suppress `
            -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Username | Should -Be @('fresh-1', 'fresh-2')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UsernameExists,CognitoPs.Commands.NewCognitoUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].TargetObject | Should -Be 'staff-1'
        $signIn = Invoke-EmulatorSignIn $Pool 'fresh-1' $Marker
        ($signIn.PSObject.Properties.Name -contains 'ChallengeName' -or $signIn.PSObject.Properties.Name -contains 'AuthenticationResult') | Should -BeTrue
    }

    It 'Set-CognitoUserAttribute and Remove-CognitoUserAttribute change exactly the named attributes' {
        Invoke-Sdk AddCustomAttributes @{ UserPoolId = $Pool.Id; CustomAttributes = @(@{ Name = 'team'; AttributeDataType = 'String'; Mutable = $true }) } | Out-Null
        Get-CognitoUser -UsernamePrefix 'contractor-' | Set-CognitoUserAttribute -Attribute @{ 'custom:team' = 'ext'; locale = 'de' } -GivenName 'Temp'
        $one = Get-SdkUser $Pool.Id 'contractor-1'
        $one.Attributes['custom:team'] | Should -Be 'ext'
        $one.Attributes.locale | Should -Be 'de'
        $one.Attributes.given_name | Should -Be 'Temp'
        (Get-SdkUser $Pool.Id 'staff-1').Attributes.ContainsKey('locale') | Should -BeFalse

        $removed = 'contractor-1' | Remove-CognitoUserAttribute -Name 'custom:team', 'locale' -PassThru
        $removed.Action | Should -Be 'AttributesRemoved'
        $one = Get-SdkUser $Pool.Id 'contractor-1'
        $one.Attributes.ContainsKey('custom:team') | Should -BeFalse
        $one.Attributes.ContainsKey('locale') | Should -BeFalse
        $one.Attributes.given_name | Should -Be 'Temp'
    }

    It 'Set-CognitoUserAttribute does not send back the Email of piped user objects' {
        Set-CognitoUserAttribute 'staff-1' -Email 'staff@example.com' -EmailVerified
        Get-CognitoUser 'staff-1' | Set-CognitoUserAttribute -Attribute @{ locale = 'fr' }
        $staff = Get-SdkUser $Pool.Id 'staff-1'
        $staff.Attributes.locale | Should -Be 'fr'
        $staff.Attributes.email_verified | Should -Be 'true'      # a re-sent email would have been marked unverified
    }

    It 'Confirm-CognitoUser confirms a self-signed-up (UNCONFIRMED) user' {
        Invoke-Sdk SignUp @{ ClientId = $Pool.ClientId; Username = 'self-1'; Password = $Marker } | Out-Null
        (Get-SdkUser $Pool.Id 'self-1').Status | Should -Be 'UNCONFIRMED'

        $confirmed = Confirm-CognitoUser 'self-1' -PassThru

        $confirmed.Action | Should -Be 'Confirmed'
        (Get-SdkUser $Pool.Id 'self-1').Status | Should -Be 'CONFIRMED'
    }

    It 'Confirm-CognitoUser on a user who is not UNCONFIRMED: a per-user InvalidOperation error, not a stop' {
        Invoke-Sdk SignUp @{ ClientId = $Pool.ClientId; Username = 'self-2'; Password = $Marker } | Out-Null

        $results = 'staff-1', 'self-2' | Confirm-CognitoUser -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Username | Should -Be 'self-2'
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotAuthorized,CognitoPs.Commands.ConfirmCognitoUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].TargetObject | Should -Be 'staff-1'
        "$($failed[0])" | Should -Match 'Current status is FORCE_CHANGE_PASSWORD'
    }

    It '-WhatIf on every lifecycle cmdlet names the user and the pool and sends nothing' {
        Set-GatewayFaults
        $connection = @{ UserPoolId = $Pool.Id; EndpointUrl = $GatewayUrl }
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        'staff-1' | New-CognitoUser @connection -WhatIf
        'staff-1' | Remove-CognitoUser @connection -WhatIf
        'staff-1' | Enable-CognitoUser @connection -WhatIf
        'staff-1' | Disable-CognitoUser @connection -WhatIf
        'staff-1' | Reset-CognitoUserPassword @connection -WhatIf
        'staff-1' | Confirm-CognitoUser @connection -WhatIf
        'staff-1' | Set-CognitoUserAttribute @connection -Attribute @{ locale = 'de' } -WhatIf
        'staff-1' | Remove-CognitoUserAttribute @connection -Name locale -WhatIf
        'staff-1' | Revoke-CognitoUserSession @connection -WhatIf
        Stop-Transcript | Out-Null

        (Get-GatewayStats).requests | Should -Be 0
        $lines = [regex]::Matches((Get-Content $transcript -Raw), "What if: Performing the operation `"([^`"]+)`" on target `"user 'staff-1' in user pool '$($Pool.Id)'`"")
        $lines.Count | Should -Be 9
        $lines | ForEach-Object { $_.Groups[1].Value } | Should -Be @('Create user', 'Delete user and all of their attributes (cannot be undone)',
            'Enable user', 'Disable user', 'Reset password (the user must set a new one with a code Cognito sends)', 'Confirm sign-up',
            'Set attributes: locale', 'Delete attributes: locale', 'Sign out of every device (revoke refresh tokens)')
        (Get-SdkUser $Pool.Id 'staff-1').Enabled | Should -BeTrue
    }
}

Describe 'User lifecycle against the stand-in (what cognito-local lacks or answers unlike Cognito)' {
    BeforeAll {
        $StandIn = @{ UserPoolId = 'eu-west-1_Life1'; EndpointUrl = $FakeUrl }
    }
    BeforeEach {
        Reset-FakeStats
        Add-FakeUsers 'eu-west-1_Life1' @(
            @{ Username = 'verified'; Attributes = @(@{ Name = 'email'; Value = 'v@example.com' }, @{ Name = 'email_verified'; Value = 'true' }) }
            @{ Username = 'unverified'; Attributes = @(@{ Name = 'email'; Value = 'u@example.com' }) }
            @{ Username = 'switched-off'; Enabled = $false; Attributes = @(@{ Name = 'email_verified'; Value = 'true' }) }
            @{ Username = 'signed-up'; UserStatus = 'UNCONFIRMED' }
        )
    }

    It 'Reset-CognitoUserPassword: RESET_REQUIRED and one message; no verified address and a disabled user fail alone' {
        $results = 'verified', 'unverified', 'switched-off', 'ghost' | Reset-CognitoUserPassword @StandIn -Force -PassThru `
            -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Username | Should -Be 'verified'
        $results.Action | Should -Be 'PasswordReset'
        (Get-SdkUser 'eu-west-1_Life1' 'verified' -Endpoint $FakeUrl).Status | Should -Be 'RESET_REQUIRED'
        (Get-FakeStats).messages.verified | Should -Be 1
        ($failed | ForEach-Object { '{0} {1} {2}' -f $_.TargetObject, $_.FullyQualifiedErrorId.Split(',')[0], $_.CategoryInfo.Category }) |
            Should -Be @('unverified InvalidParameter InvalidArgument', 'switched-off NotAuthorized InvalidOperation', 'ghost UserNotFound ObjectNotFound')
        "$($failed[1])" | Should -Match 'User is disabled'
        (Get-FakeStats).emptyReplies | Should -Be 1     # the stand-in answers a void operation with an empty body, as Cognito may
    }

    It 'Revoke-CognitoUserSession signs the user out everywhere; an unknown user fails alone' {
        $results = 'verified', 'ghost', 'unverified' | Revoke-CognitoUserSession @StandIn -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Username | Should -Be @('verified', 'unverified')
        $results.Action | Should -Be @('SignedOut', 'SignedOut')
        $stats = Get-FakeStats
        $stats.globalSignOuts.verified | Should -Be 1
        $stats.globalSignOuts.unverified | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,CognitoPs.Commands.RevokeCognitoUserSessionCommand'
    }

    It 'every lifecycle cmdlet works against a Cognito that answers void operations with an empty body' {
        Confirm-CognitoUser 'signed-up' @StandIn
        'unverified' | Disable-CognitoUser @StandIn
        'unverified' | Enable-CognitoUser @StandIn
        'verified' | Set-CognitoUserAttribute @StandIn -Attribute @{ locale = 'de' }
        'verified' | Remove-CognitoUserAttribute @StandIn -Name locale
        'verified' | Revoke-CognitoUserSession @StandIn
        'unverified' | Remove-CognitoUser @StandIn -Force

        (Get-FakeStats).emptyReplies | Should -Be 7
        (Get-SdkUser 'eu-west-1_Life1' 'signed-up' -Endpoint $FakeUrl).Status | Should -Be 'CONFIRMED'
        (Get-SdkUser 'eu-west-1_Life1' 'verified' -Endpoint $FakeUrl).Attributes.ContainsKey('locale') | Should -BeFalse
        Test-SdkUserExists 'eu-west-1_Life1' 'unverified' -Endpoint $FakeUrl | Should -BeFalse
    }

    It 'Cognito checks the temporary password against the policy; an invitation needs a reachable address' {
        $weak = ConvertTo-SecureString 'short' -AsPlainText -Force
        'p-1' | New-CognitoUser @StandIn -TemporaryPassword $weak -ErrorVariable weakFailed -ErrorAction SilentlyContinue
        'p-2' | New-CognitoUser @StandIn -DeliveryMedium Email -ErrorVariable noEmail -ErrorAction SilentlyContinue
        $invited = 'p-3' | New-CognitoUser @StandIn -Email 'p3@example.com' -DeliveryMedium Email

        $weakFailed[0].FullyQualifiedErrorId | Should -Be 'InvalidPassword,CognitoPs.Commands.NewCognitoUserCommand'
        $noEmail[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,CognitoPs.Commands.NewCognitoUserCommand'
        $invited.Email | Should -Be 'p3@example.com'
        (Get-FakeStats).messages.'p-3' | Should -Be 1
    }

    It '-MessageAction Resend re-sends the invitation to a FORCE_CHANGE_PASSWORD user; another status is UnsupportedUserState' {
        'invited' | New-CognitoUser @StandIn -Email 'i@example.com' -DeliveryMedium Email | Out-Null

        $resent = 'invited', 'verified' | New-CognitoUser @StandIn -MessageAction Resend -DeliveryMedium Email -ErrorVariable failed -ErrorAction SilentlyContinue

        $resent.Username | Should -Be 'invited'
        (Get-FakeStats).messages.invited | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -Be 'UnsupportedUserState,CognitoPs.Commands.NewCognitoUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It '<User> through <Cmdlet>: <ErrorId> (<Category>) for that user, and the next user still succeeds' -ForEach @(
        @{ Cmdlet = 'New-CognitoUser'; User = 'username-exists'; ErrorId = 'UsernameExists'; Category = 'ResourceExists' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'alias-exists'; ErrorId = 'AliasExists'; Category = 'ResourceExists' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'unsupported-state'; ErrorId = 'UnsupportedUserState'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'code-delivery'; ErrorId = 'CodeDeliveryFailure'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'lambda-validation'; ErrorId = 'UserLambdaValidation'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'unexpected-lambda'; ErrorId = 'UnexpectedLambda'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'invalid-lambda'; ErrorId = 'InvalidLambdaResponse'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'precondition'; ErrorId = 'PreconditionNotMet'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'New-CognitoUser'; User = 'sms-role'; ErrorId = 'InvalidSmsRoleAccessPolicy'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'Reset-CognitoUserPassword'; User = 'limit-exceeded'; ErrorId = 'LimitExceeded'; Category = 'LimitsExceeded'; Attempts = 1 }
        @{ Cmdlet = 'Reset-CognitoUserPassword'; User = 'not-confirmed'; ErrorId = 'UserNotConfirmed'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'Reset-CognitoUserPassword'; User = 'disabled-user'; ErrorId = 'NotAuthorized'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'Confirm-CognitoUser'; User = 'too-many-failed'; ErrorId = 'TooManyFailedAttempts'; Category = 'LimitsExceeded' }
        @{ Cmdlet = 'Disable-CognitoUser'; User = 'reset-required'; ErrorId = 'PasswordResetRequired'; Category = 'InvalidOperation' }
        @{ Cmdlet = 'Disable-CognitoUser'; User = 'invalid-parameter'; ErrorId = 'InvalidParameter'; Category = 'InvalidArgument' }
        @{ Cmdlet = 'Disable-CognitoUser'; User = 'ghost'; ErrorId = 'UserNotFound'; Category = 'ObjectNotFound' }
        @{ Cmdlet = 'Disable-CognitoUser'; User = 'throttled'; ErrorId = 'TooManyRequests'; Category = 'LimitsExceeded'; Attempts = 4 }
        @{ Cmdlet = 'Disable-CognitoUser'; User = 'internal-error'; ErrorId = 'InternalError'; Category = 'ResourceUnavailable'; Attempts = 4 }
        @{ Cmdlet = 'Reset-CognitoUserPassword'; User = 'internal-error'; ErrorId = 'OutcomeUnknown'; Category = 'ResourceUnavailable'; Attempts = 1 }
        @{ Cmdlet = 'Revoke-CognitoUserSession'; User = 'unknown-code'; ErrorId = 'BrandNewFeature'; Category = 'InvalidOperation' }
    ) {
        $row = @{ Attempts = $null }
        if (Test-Path variable:Attempts) { $row.Attempts = $Attempts }
        $extra = @{}
        if ($Cmdlet -eq 'New-CognitoUser') { $extra.MessageAction = 'Suppress' } else { $extra.PassThru = $true }
        if ($Cmdlet -eq 'Reset-CognitoUserPassword') { $extra.Force = $true }
        $next = if ($Cmdlet -eq 'New-CognitoUser') { 'brand-new' } elseif ($Cmdlet -eq 'Confirm-CognitoUser') { 'signed-up' } else { 'verified' }

        $results = $User, $next | & $Cmdlet @StandIn @extra -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Username | Should -Be $next
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
        $failed[0].CategoryInfo.Category | Should -Be $Category
        $failed[0].TargetObject | Should -Be $User
        $failed[0].ErrorDetails.Message | Should -Match "user '$User' in user pool 'eu-west-1_Life1'"
        if ($row.Attempts) { (Get-FakeStats).byUser.$User | Should -Be $row.Attempts }
    }
}

Describe 'Retry safety: what must not run twice is retried only when nothing was processed' {
    BeforeEach {
        Reset-FakeStats
        Add-FakeUsers 'eu-west-1_Retry1' @(@{ Username = 'verified'; Attributes = @(@{ Name = 'email_verified'; Value = 'true' }) })
        $ThroughGateway = @{ UserPoolId = 'eu-west-1_Retry1'; EndpointUrl = $FakeGatewayUrl }
    }

    It 'New-CognitoUser: a throttled create is retried and succeeds' {
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminCreateUser'; fault = 'throttle'; count = 2 })

        $created = 'retried' | New-CognitoUser @ThroughGateway -MessageAction Suppress

        $created.Username | Should -Be 'retried'
        (Get-FakeGatewayStats).byOperation.AdminCreateUser | Should -Be 3
    }

    It 'New-CognitoUser: a dropped connection after sending is OutcomeUnknown, sent once, and the user may well exist' {
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminCreateUser'; username = 'dropped'; fault = 'drop' })

        $created = 'dropped', 'fine' | New-CognitoUser @ThroughGateway -MessageAction Suppress -ErrorVariable failed -ErrorAction SilentlyContinue

        $created.Username | Should -Be 'fine'
        $failed[0].FullyQualifiedErrorId | Should -Be 'OutcomeUnknown,CognitoPs.Commands.NewCognitoUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match "Get-CognitoUser 'dropped'"
        (Get-FakeGatewayStats).faults.drop | Should -Be 1
    }

    It 'Reset-CognitoUserPassword: a stalled reset times out as OutcomeUnknown and is not sent again' {
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminResetUserPassword'; fault = 'stall' })

        'verified' | Reset-CognitoUserPassword @ThroughGateway -Force -TimeoutSec 1 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -Be 'OutcomeUnknown,CognitoPs.Commands.ResetCognitoUserPasswordCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        (Get-FakeGatewayStats).byOperation.AdminResetUserPassword | Should -Be 1
    }

    It 'Remove-CognitoUser: 20 users, 30 % of the answers lost after the stand-in deleted the user: 20 gone, no error' {
        $names = 1..20 | ForEach-Object { 'gone-{0:00}' -f $_ }
        Add-FakeUsers 'eu-west-1_Retry1' @($names | ForEach-Object { @{ Username = $_ } })
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminDeleteUser'; fault = 'reset-after'; chance = 0.3 })

        $names | Remove-CognitoUser @ThroughGateway -Force -ThrottleLimit 4 -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { "$_" -match 'counts as success' } | Set-Variable alreadyDone

        $failed.Count | Should -Be 0
        $names | Where-Object { Test-SdkUserExists 'eu-west-1_Retry1' $_ -Endpoint $FakeUrl } | Should -BeNullOrEmpty
        $stats = Get-FakeGatewayStats
        $lost = $stats.faults.'reset-after'
        $lost | Should -BeGreaterThan 2
        $stats.byOperation.AdminDeleteUser | Should -Be (20 + $lost)   # each lost answer was retried once more
        # Each user whose answer was lost (a repeat's answer may be lost too) ends with one "not found" taken as done.
        @($alreadyDone).Count | Should -BeGreaterThan 2
        @($alreadyDone).Count | Should -BeLessOrEqual $lost
    }

    It 'Remove-CognitoGroup -GroupName: a lost answer is not a terminating "group not found"' {
        Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body (@{ pool = 'eu-west-1_Retry1'; groups = @(@{ GroupName = 'ops' }) } | ConvertTo-Json -Depth 5) | Out-Null
        Set-FakeGatewayFaults -Rules @(@{ operation = 'DeleteGroup'; fault = 'reset-after'; count = 1 })

        Remove-CognitoGroup -GroupName ops @ThroughGateway -Force -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 0
        (Get-FakeGatewayStats).byOperation.DeleteGroup | Should -Be 2
        { Invoke-Sdk GetGroup @{ UserPoolId = 'eu-west-1_Retry1'; GroupName = 'ops' } -Endpoint $FakeUrl } | Should -Throw 'ResourceNotFoundException*'
    }

    It 'Confirm-CognitoUser: a lost answer, then "Current status is CONFIRMED", is success' {
        Add-FakeUsers 'eu-west-1_Retry1' @(@{ Username = 'signed-up'; UserStatus = 'UNCONFIRMED' })
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminConfirmSignUp'; fault = 'reset-after'; count = 1 })

        $result = 'signed-up' | Confirm-CognitoUser @ThroughGateway -PassThru

        $result.Action | Should -Be 'Confirmed'
        (Get-SdkUser 'eu-west-1_Retry1' 'signed-up' -Endpoint $FakeUrl).Status | Should -Be 'CONFIRMED'
        (Get-FakeGatewayStats).byOperation.AdminConfirmSignUp | Should -Be 2
    }

    It 'Disable-CognitoUser (harmless to repeat): a dropped connection is retried and succeeds' {
        Set-FakeGatewayFaults -Rules @(@{ operation = 'AdminDisableUser'; fault = 'drop'; count = 2 })

        $result = 'verified' | Disable-CognitoUser @ThroughGateway -PassThru

        $result.Action | Should -Be 'Disabled'
        (Get-FakeGatewayStats).byOperation.AdminDisableUser | Should -Be 3
    }
}
