# Faults, bad input and secrets. Runs Set-CognitoUserPassword through the fault gateway (SigV4-checking, in front of
# cognito-local) and checks every outcome through the emulator's API, independently of the module.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Marker = 'Mk!' + [guid]::NewGuid().ToString('n').Substring(0, 12) + '#Zq9'
    $SecurePassword = ConvertTo-SecureString $Marker -AsPlainText -Force

    function New-BulkPool([int] $Count) {
        $names = 1..$Count | ForEach-Object { 'user-{0:000}' -f $_ }
        $pool = New-EmulatorPool -Url $EmulatorUrl -Name "bulk-$Count" -Username $names
        $pool | Add-Member -NotePropertyName Users -NotePropertyValue $names -PassThru
    }

    function Get-StatusCounts($Pool) {
        $users = (Invoke-CognitoApi -Url $EmulatorUrl -Operation ListUsers -Body @{ UserPoolId = $Pool.Id }).Users
        $counts = @{}
        foreach ($user in $users) { $counts[$user.UserStatus] = 1 + [int]$counts[$user.UserStatus] }
        $counts
    }

    $Gateway = @{ EndpointUrl = $GatewayUrl; Password = $SecurePassword; Permanent = $true }
}

AfterAll {
    Set-GatewayFaults
    Stop-OwnTestServers
}

Describe 'Fault matrix: 200 users through the gateway' {
    BeforeEach { $Pool = New-BulkPool 200 }

    It '50 % throttling: all 200 set, no error records, the retries visible at the gateway' {
        Set-GatewayFaults -Rules @(@{ operation = 'AdminSetUserPassword'; fault = 'throttle'; chance = 0.5 })

        $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -MaxRetries 12 -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 0
        (Get-StatusCounts $Pool).CONFIRMED | Should -Be 200
        $stats = Get-GatewayStats
        $stats.faults.throttle | Should -BeGreaterThan 50
        $stats.byOperation.AdminSetUserPassword | Should -Be (200 + $stats.faults.throttle)
        $stats.signatureFailures | Should -Be 0
    }

    It '10 % InternalError: all 200 set, no error records' {
        Set-GatewayFaults -Rules @(@{ operation = 'AdminSetUserPassword'; fault = 'internal'; chance = 0.1 })

        $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 0
        (Get-StatusCounts $Pool).CONFIRMED | Should -Be 200
        (Get-GatewayStats).faults.internal | Should -BeGreaterThan 5
    }

    It '100 % InternalError: 200 ResourceUnavailable records, one per user, and the run ends' {
        Set-GatewayFaults -Rules @(@{ operation = 'AdminSetUserPassword'; fault = 'internal' })

        $results = $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -MaxRetries 1 -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $results | Should -BeNullOrEmpty
        $failures.Count | Should -Be 200
        ($failures | Where-Object { $_.FullyQualifiedErrorId -eq 'InternalError,CognitoPs.Commands.SetCognitoUserPasswordCommand' -and
                $_.CategoryInfo.Category -eq 'ResourceUnavailable' }).Count | Should -Be 200
        ($failures.TargetObject | Sort-Object -Unique).Count | Should -Be 200
        (Get-GatewayStats).byOperation.AdminSetUserPassword | Should -Be 400   # each user: one try and one retry
        (Get-StatusCounts $Pool).FORCE_CHANGE_PASSWORD | Should -Be 200
    }

    It 'dropped connections and stalls are retried; where they persist, one ConnectionError or OperationTimeout per user' {
        Set-GatewayFaults -Rules @(
            @{ operation = 'AdminSetUserPassword'; username = 'user-007'; fault = 'drop' }             # persistent
            @{ operation = 'AdminSetUserPassword'; username = 'user-100'; fault = 'stall' }            # persistent
            @{ operation = 'AdminSetUserPassword'; username = 'user-050'; fault = 'stall'; count = 2 } # transient
            @{ operation = 'AdminSetUserPassword'; username = 'user-150'; fault = 'drop'; count = 2 }  # transient
            @{ operation = 'AdminSetUserPassword'; fault = 'drop'; chance = 0.1 }                      # anyone, now and then
        )

        $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -TimeoutSec 1 -MaxRetries 4 -ErrorVariable failures -ErrorAction SilentlyContinue

        ($failures | ForEach-Object { '{0} {1} {2}' -f $_.TargetObject, $_.FullyQualifiedErrorId.Split(',')[0], $_.CategoryInfo.Category }) |
            Sort-Object | Should -Be @('user-007 ConnectionFailed ConnectionError', 'user-100 RequestTimedOut OperationTimeout')
        (Get-StatusCounts $Pool).CONFIRMED | Should -Be 198
        $stats = Get-GatewayStats
        $stats.faults.drop | Should -BeGreaterThan 20       # 5 for user-007, 2 for user-150, the random ones: all retried
        $stats.faults.stall | Should -Be 7                  # 5 attempts for user-100, 2 for user-050
    }

    It 'a malformed reply or an unknown __type is a clear error per user, naming what was received' {
        Set-GatewayFaults -Rules @(
            @{ operation = 'AdminSetUserPassword'; username = 'user-010'; fault = 'malformed' }
            @{ operation = 'AdminSetUserPassword'; username = 'user-020'; fault = 'unknown-type' }
        )

        $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 2
        $malformed = $failures | Where-Object TargetObject -eq 'user-010'
        $malformed.FullyQualifiedErrorId | Should -Be 'MalformedReply,CognitoPs.Commands.SetCognitoUserPasswordCommand'
        $malformed.CategoryInfo.Category | Should -Be 'InvalidResult'
        "$malformed" | Should -Match 'HTTP 200 with 22 bytes that are not a JSON object .*"\{"Users":\[\{"Username":".*outcome is unknown'
        $unknown = $failures | Where-Object TargetObject -eq 'user-020'
        $unknown.FullyQualifiedErrorId | Should -Be 'QuantumFlux,CognitoPs.Commands.SetCognitoUserPasswordCommand'
        $unknown.Exception.ErrorCode | Should -Be 'QuantumFluxException'
        "$unknown" | Should -Match 'A code no client has seen'
        (Get-StatusCounts $Pool).CONFIRMED | Should -Be 198
    }

    It 'a wrong secret key stops the run at the first request with an authentication error' {
        Set-GatewayFaults
        $wrong = [pscredential]::new('AKIDCOGNITOPSTEST', (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $caught = $null

        try { $Pool.Users | Set-CognitoUserPassword -UserPoolId $Pool.Id @Gateway -Credential $wrong } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'InvalidSignature,CognitoPs.Commands.SetCognitoUserPasswordCommand'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $stats = Get-GatewayStats
        $stats.requests | Should -Be 1
        $stats.signatureFailures | Should -Be 1
        (Get-StatusCounts $Pool).FORCE_CHANGE_PASSWORD | Should -Be 200
    }
}

Describe 'Bad-input matrix' {
    BeforeAll {
        $Pool = New-EmulatorPool -Url $EmulatorUrl -Name 'bad-input' -Username 'valid-1', 'valid-2'
        Connect-CognitoUserPool $Pool.Id -EndpointUrl $GatewayUrl | Out-Null
        $Valid1 = [pscustomobject]@{ Username = 'valid-1'; UserPoolId = $Pool.Id }
        $Valid2 = [pscustomobject]@{ Username = 'valid-2'; UserPoolId = $Pool.Id }
    }
    AfterAll { Disconnect-CognitoUserPool }
    BeforeEach { Set-GatewayFaults }

    # Piped items (Item): the bad one fails alone, the valid ones on either side are set.
    # Command-line values (Params, Terminating): the command stops before sending anything.
    # Both are script blocks: the table is built at discovery, the values only when the test runs.
    It '<Name>: <ErrorId> (<Category>)' -ForEach @(
        @{ Name = 'empty user name'; Item = { '' }; ErrorId = 'UsernameMissing'; Category = 'InvalidArgument' }
        @{ Name = 'blank user name'; Item = { '   ' }; ErrorId = 'UsernameMissing'; Category = 'InvalidArgument' }
        @{ Name = 'tab-only user name'; Item = { "`t" }; ErrorId = 'UsernameMissing'; Category = 'InvalidArgument' }
        @{ Name = '$null in the pipeline'; Item = { $null }; ErrorId = 'UsernameMissing'; Category = 'InvalidArgument' }
        @{ Name = 'object with an empty Username'; Item = { [pscustomobject]@{ Username = '' } }; ErrorId = 'UsernameMissing'; Category = 'InvalidArgument' }
        @{ Name = '129-character user name'; Item = { 'x' * 129 }; ErrorId = 'UsernameTooLong'; Category = 'InvalidArgument' }
        @{ Name = '1000-character user name'; Item = { 'y' * 1000 }; ErrorId = 'UsernameTooLong'; Category = 'InvalidArgument' }
        @{ Name = 'newline in user name'; Item = { "bad`nname" }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'NUL in user name'; Item = { "nul`0char" }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'ANSI escape in user name'; Item = { "esc`e[31mred" }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'DEL in user name'; Item = { "del$([char]0x7f)x" }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'space inside user name'; Item = { 'two words' }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'leading space'; Item = { ' valid-1' }; ErrorId = 'UsernameInvalidCharacter'; Category = 'InvalidArgument' }
        @{ Name = 'object without a user name'; Item = { [pscustomobject]@{ Department = 'Sales' } }; ErrorId = 'ParameterArgumentTransformationError'; Category = 'InvalidData' }
        @{ Name = 'a hashtable'; Item = { , @{ Username = 'valid-1' } }; ErrorId = 'ParameterArgumentTransformationError'; Category = 'InvalidData' }
        @{ Name = 'a date'; Item = { Get-Date }; ErrorId = 'ParameterArgumentTransformationError'; Category = 'InvalidData' }
        @{ Name = 'piped malformed pool id'; Item = { [pscustomobject]@{ Username = 'valid-1'; UserPoolId = 'not a pool' } }; ErrorId = 'InvalidUserPoolId'; Category = 'InvalidArgument' }
        @{ Name = 'piped pool id without id part'; Item = { [pscustomobject]@{ Username = 'valid-1'; UserPoolId = 'eu-west-1_' } }; ErrorId = 'InvalidUserPoolId'; Category = 'InvalidArgument' }
        @{ Name = 'piped over-long pool id'; Item = { [pscustomobject]@{ Username = 'valid-1'; UserPoolId = 'eu-west-1_' + ('a' * 60) } }; ErrorId = 'InvalidUserPoolId'; Category = 'InvalidArgument' }
        @{ Name = 'piped region/pool mismatch'; Item = { [pscustomobject]@{ Username = 'valid-1'; UserPoolId = 'eu-west-1_Abc'; Region = 'us-east-1' } }; ErrorId = 'RegionMismatch'; Category = 'InvalidArgument' }
        @{ Name = 'piped malformed region'; Item = { [pscustomobject]@{ Username = 'valid-1'; Region = 'Ireland' } }; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument' }
        @{ Name = 'piped plain-http endpoint to another host'; Item = { [pscustomobject]@{ Username = 'valid-1'; EndpointUrl = 'http://cognito.example.com' } }; ErrorId = 'InsecureEndpointUrl'; Category = 'SecurityError' }
        @{ Name = 'piped malformed endpoint'; Item = { [pscustomobject]@{ Username = 'valid-1'; EndpointUrl = 'not a url' } }; ErrorId = 'InvalidEndpointUrl'; Category = 'InvalidArgument' }
        @{ Name = '-UserPoolId malformed'; Params = { @{ UserPoolId = 'not a pool' } }; ErrorId = 'InvalidUserPoolId'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = '-UserPoolId empty'; Params = { @{ UserPoolId = '' } }; ErrorId = 'UserPoolIdMissing'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = '-UserPoolId of another region than -Region'; Params = { @{ UserPoolId = 'eu-west-1_Ab12'; Region = 'us-east-1' } }; ErrorId = 'RegionMismatch'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = '-Region malformed'; Params = { @{ Region = 'Ireland' } }; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = 'empty password'; Params = { @{ Password = New-Object securestring } }; ErrorId = 'PasswordEmpty'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = '257-character password'; Params = { @{ Password = ConvertTo-SecureString ('p' * 257) -AsPlainText -Force } }; ErrorId = 'PasswordTooLong'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = 'plain http to a non-loopback host'; Params = { @{ EndpointUrl = 'http://cognito.example.com' } }; ErrorId = 'InsecureEndpointUrl'; Category = 'SecurityError'; Terminating = $true }
        @{ Name = 'plain http to a private address'; Params = { @{ EndpointUrl = 'http://10.1.2.3:9229' } }; ErrorId = 'InsecureEndpointUrl'; Category = 'SecurityError'; Terminating = $true }
        @{ Name = 'endpoint with another scheme'; Params = { @{ EndpointUrl = 'ftp://127.0.0.1/' } }; ErrorId = 'InvalidEndpointUrl'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = 'endpoint that is no URL'; Params = { @{ EndpointUrl = 'cognito-idp.eu-west-1.amazonaws.com' } }; ErrorId = 'InvalidEndpointUrl'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = 'unknown profile'; Params = { @{ ProfileName = 'no-such-profile-cognitops' } }; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'; Terminating = $true }
        @{ Name = '-Credential and -ProfileName together'; Params = { @{ ProfileName = 'x'; Credential = [pscredential]::new('AKID', (ConvertTo-SecureString 's' -AsPlainText -Force)) } }; ErrorId = 'ConflictingCredentialParameters'; Category = 'InvalidArgument'; Terminating = $true }
        @{ Name = 'negative -MaxRetries'; Params = { @{ MaxRetries = -1 } }; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Terminating = $true }
    ) {
        # Rows name either Item or Params (and Terminating); read the others as absent, not as strict-mode errors.
        $row = @{ Item = $null; Params = $null; Terminating = $false }
        foreach ($key in @($row.Keys)) { if (Test-Path "variable:$key") { $row[$key] = Get-Variable $key -ValueOnly } }
        $parameters = @{ Password = $SecurePassword; Permanent = $true; PassThru = $true }
        if ($row.Params) { (& $row.Params).GetEnumerator() | ForEach-Object { $parameters[$_.Key] = $_.Value } }
        $items = if ($row.Terminating) { @($Valid1, $Valid2) } else { @($Valid1, (& $row.Item), $Valid2) }
        $caught = $null
        $results = try {
            $items | Set-CognitoUserPassword @parameters -ErrorVariable failures -ErrorAction SilentlyContinue
        } catch { $caught = $_ }

        $stats = Get-GatewayStats
        if ($row.Terminating) {
            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
            $caught.CategoryInfo.Category | Should -Be $Category
            $stats.requests | Should -Be 0
        } else {
            $caught | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
            $failures[0].CategoryInfo.Category | Should -Be $Category
            $results.Username | Should -Be @('valid-1', 'valid-2')
            $stats.requests | Should -Be 2
        }
    }
}

Describe 'Secret hygiene' {
    It 'a unique marker password appears in no stream, record, transcript or result, through success, failure, -WhatIf and retries' {
        $pool = New-EmulatorPool -Url $EmulatorUrl -Name 'hygiene' -Username 'alice', 'bob'
        Set-GatewayFaults -Rules @(@{ operation = 'AdminSetUserPassword'; username = 'bob'; fault = 'throttle'; count = 2 })
        $transcript = Join-Path $TestDrive 'hygiene.txt'
        $Error.Clear()
        $common = @{ UserPoolId = $pool.Id; EndpointUrl = $GatewayUrl; Password = $SecurePassword }

        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        # Shown on the host (so in the transcript): verbose, debug, errors, what-if.
        $hostRun = 'alice', 'nobody', 'bob' | Set-CognitoUserPassword @common -Permanent -PassThru -Verbose -Debug -ErrorAction Continue
        'alice' | Set-CognitoUserPassword @common -WhatIf -Verbose
        # Captured as records: every stream merged into the output.
        $captured = 'alice', 'nobody', 'bob' | Set-CognitoUserPassword @common -PassThru -Verbose -Debug -ErrorAction Continue *>&1
        Stop-Transcript | Out-Null

        $stats = Get-GatewayStats
        $stats.faults.throttle | Should -Be 2                                   # the retries happened
        $text = Get-Content $transcript -Raw
        $text | Should -Match "attempt 1 failed \(TooManyRequestsException\); retrying"
        $text | Should -Match 'User does not exist'
        $text | Should -Match 'What if:'
        ($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        ($captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 3   # one HTTP line per request
        $hostRun.Username | Should -Be @('alice', 'bob')
        (Invoke-EmulatorSignIn $pool 'bob' $Marker).AuthenticationResult | Should -Not -BeNullOrEmpty   # the marker was the password

        $pattern = [regex]::Escape($Marker)
        $text | Should -Not -Match $pattern
        foreach ($record in $captured) {
            ($record | Format-List * -Force | Out-String) | Should -Not -Match $pattern
        }
        ($hostRun | Format-List * -Force | Out-String) | Should -Not -Match $pattern
        $Error.Count | Should -BeGreaterThan 0
        foreach ($record in $Error) {
            $all = @(($record | Format-List * -Force | Out-String), "$record")
            $exception = if ($record -is [System.Management.Automation.ErrorRecord]) { $record.Exception } else { $record }
            for ($e = $exception; $e; $e = $e.InnerException) { $all += $e.ToString(); $all += $e.Message }
            $all | Should -Not -Match $pattern
        }
    }
}

Describe 'Bad-input matrix: the lifecycle cmdlets' {
    BeforeAll {
        # Through the gateway in front of the stand-in, which has every lifecycle operation; the gateway counts requests.
        $LifecycleCmdlets = @(
            @{ Cmdlet = 'New-CognitoUser'; Extra = @{ MessageAction = 'Suppress' } }
            @{ Cmdlet = 'Remove-CognitoUser'; Extra = @{ Force = $true } }
            @{ Cmdlet = 'Enable-CognitoUser'; Extra = @{} }
            @{ Cmdlet = 'Disable-CognitoUser'; Extra = @{} }
            @{ Cmdlet = 'Reset-CognitoUserPassword'; Extra = @{ Force = $true } }
            @{ Cmdlet = 'Confirm-CognitoUser'; Extra = @{} }
            @{ Cmdlet = 'Set-CognitoUserAttribute'; Extra = @{ Attribute = @{ locale = 'de' } } }
            @{ Cmdlet = 'Remove-CognitoUserAttribute'; Extra = @{ Name = 'locale' } }
            @{ Cmdlet = 'Revoke-CognitoUserSession'; Extra = @{} }
            @{ Cmdlet = 'Get-CognitoUserMfa'; Extra = @{}; RequestsPerUser = 2 }
            @{ Cmdlet = 'Set-CognitoUserMfaPreference'; Extra = @{ Sms = 'Disabled' } }
            @{ Cmdlet = 'Reset-CognitoUserMfa'; Extra = @{ Force = $true } }
            @{ Cmdlet = 'Get-CognitoUserDevice'; Extra = @{} }
            @{ Cmdlet = 'Get-CognitoUserAuthEvent'; Extra = @{} }
            @{ Cmdlet = 'Send-CognitoUserInvitation'; Extra = @{ DeliveryMedium = 'Email' }; Status = 'FORCE_CHANGE_PASSWORD' }
            @{ Cmdlet = 'Get-CognitoUserIdentity'; Extra = @{} }
        )
        function Invoke-Row([hashtable] $Spec, [object[]] $Items, [hashtable] $Parameters) {
            Reset-FakeStats
            Set-FakeGatewayFaults
            $pool = 'eu-west-1_Bad' + [guid]::NewGuid().ToString('n').Substring(0, 6)
            $valid = if ($Spec.Cmdlet -eq 'New-CognitoUser') { 'valid-new-1', 'valid-new-2' } else { 'valid-1', 'valid-2' }
            $users = @('valid-1', 'valid-2' | ForEach-Object {
                    @{ Username = $_; UserStatus = $(if ($Spec['Status']) { $Spec['Status'] } else { 'UNCONFIRMED' })
                        Attributes = @(@{ Name = 'email'; Value = "$_@example.com" }, @{ Name = 'email_verified'; Value = 'true' }, @{ Name = 'locale'; Value = 'fr' }) } })
            Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' `
                -Body (@{ pool = $pool; users = $users; settings = @{ ThreatProtection = $true } } | ConvertTo-Json -Depth 6) | Out-Null
            # The valid items bring their pool and endpoint (as Get-CognitoUser objects do), so a bad item's own values count.
            $validItems = $valid | ForEach-Object { [pscustomobject]@{ Username = $_; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }
            $all = $Spec.Extra.Clone()
            foreach ($key in $Parameters.Keys) { $all[$key] = $Parameters[$key] }
            $piped = @($validItems[0]) + $Items + @($validItems[1]) | ForEach-Object { if ($_ -is [scriptblock]) { & $_ $pool } else { $_ } }
            $caught = $null
            $errors = $null
            try { $piped | & $Spec.Cmdlet @all -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null } catch { $caught = $_ }
            [pscustomobject]@{ Caught = $caught; Errors = @($errors); Requests = (Get-FakeGatewayStats).requests / $(if ($Spec['RequestsPerUser']) { $Spec['RequestsPerUser'] } else { 1 }) }
        }
    }

    It '<Cmdlet>: a bad piped item fails alone with its own error, the valid ones are sent' -ForEach @(
        @{ Cmdlet = 'New-CognitoUser' }, @{ Cmdlet = 'Remove-CognitoUser' }, @{ Cmdlet = 'Enable-CognitoUser' }, @{ Cmdlet = 'Disable-CognitoUser' },
        @{ Cmdlet = 'Reset-CognitoUserPassword' }, @{ Cmdlet = 'Confirm-CognitoUser' }, @{ Cmdlet = 'Set-CognitoUserAttribute' },
        @{ Cmdlet = 'Remove-CognitoUserAttribute' }, @{ Cmdlet = 'Revoke-CognitoUserSession' }, @{ Cmdlet = 'Get-CognitoUserMfa' },
        @{ Cmdlet = 'Set-CognitoUserMfaPreference' }, @{ Cmdlet = 'Reset-CognitoUserMfa' }, @{ Cmdlet = 'Get-CognitoUserDevice' },
        @{ Cmdlet = 'Get-CognitoUserAuthEvent' }, @{ Cmdlet = 'Send-CognitoUserInvitation' }, @{ Cmdlet = 'Get-CognitoUserIdentity' }
    ) {
        $spec = $LifecycleCmdlets | Where-Object { $_.Cmdlet -eq $Cmdlet }
        $rows = @(
            @{ Item = { param($pool) [pscustomobject]@{ Username = ''; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; ErrorId = 'UsernameMissing' }
            @{ Item = { param($pool) [pscustomobject]@{ Username = 'two words'; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; ErrorId = 'UsernameInvalidCharacter' }
            @{ Item = { param($pool) [pscustomobject]@{ Username = 'x' * 129; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; ErrorId = 'UsernameTooLong' }
            @{ Item = { param($pool) [pscustomobject]@{ Department = 'Sales'; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; ErrorId = 'ParameterArgumentTransformationError' }
            @{ Item = { [pscustomobject]@{ Username = 'valid-1'; UserPoolId = 'not a pool'; EndpointUrl = $FakeGatewayUrl } }; ErrorId = 'InvalidUserPoolId' }
            @{ Item = { param($pool) [pscustomobject]@{ Username = 'valid-1'; UserPoolId = $pool; EndpointUrl = 'http://cognito.example.com' } }; ErrorId = 'InsecureEndpointUrl' }
        )
        foreach ($row in $rows) {
            $run = Invoke-Row $spec @($row.Item) @{}
            $run.Caught | Should -BeNullOrEmpty -Because "$Cmdlet must not stop for a bad $($row.ErrorId) item"
            $run.Errors.Count | Should -Be 1 -Because "$Cmdlet reports the bad $($row.ErrorId) item once"
            $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $row.ErrorId
            $run.Requests | Should -Be 2 -Because "$Cmdlet still sends both valid users around a bad $($row.ErrorId) item"
        }
    }

    It '<Name>: <ErrorId>' -ForEach @(
        @{ Name = 'New-CognitoUser, piped email conflicting with -Attribute'; Cmdlet = 'New-CognitoUser'; Item = { param($pool) [pscustomobject]@{ Username = 'n-1'; Email = 'a@example.com'; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; Parameters = @{ Attribute = @{ email = 'b@example.com' } }; ErrorId = 'ConflictingAttributeValues' }
        @{ Name = 'New-CognitoUser, piped 2049-character name attribute'; Cmdlet = 'New-CognitoUser'; Item = { param($pool) [pscustomobject]@{ Username = 'n-2'; Name = 'n' * 2049; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } }; Parameters = @{}; ErrorId = 'AttributeValueTooLong' }
        @{ Name = 'New-CognitoUser, attribute name with a space'; Cmdlet = 'New-CognitoUser'; Parameters = @{ Attribute = @{ 'bad name' = 'x' } }; ErrorId = 'InvalidAttributeName'; Terminating = $true }
        @{ Name = 'New-CognitoUser, attribute without a value'; Cmdlet = 'New-CognitoUser'; Parameters = @{ Attribute = @{ locale = $null } }; ErrorId = 'AttributeValueMissing'; Terminating = $true }
        @{ Name = 'New-CognitoUser, empty temporary password'; Cmdlet = 'New-CognitoUser'; Parameters = @{ TemporaryPassword = (New-Object securestring) }; ErrorId = 'PasswordEmpty'; Terminating = $true }
        @{ Name = 'Set-CognitoUserAttribute, nothing to set'; Cmdlet = 'Set-CognitoUserAttribute'; Parameters = @{ Attribute = @{} }; ErrorId = 'AttributeMissing'; Terminating = $true }
        @{ Name = 'Set-CognitoUserAttribute, 33-character attribute name'; Cmdlet = 'Set-CognitoUserAttribute'; Parameters = @{ Attribute = @{ ('a' * 33) = 'x' } }; ErrorId = 'InvalidAttributeName'; Terminating = $true }
        @{ Name = 'Remove-CognitoUserAttribute, empty name'; Cmdlet = 'Remove-CognitoUserAttribute'; Parameters = @{ Name = '' }; ErrorId = 'ParameterArgumentValidationErrorEmptyStringNotAllowed'; Terminating = $true }
        @{ Name = 'Disable-CognitoUser, malformed -UserPoolId'; Cmdlet = 'Disable-CognitoUser'; Parameters = @{ UserPoolId = 'not a pool' }; ErrorId = 'InvalidUserPoolId'; Terminating = $true }
        @{ Name = 'Enable-CognitoUser, -ThrottleLimit 0'; Cmdlet = 'Enable-CognitoUser'; Parameters = @{ ThrottleLimit = 0 }; ErrorId = 'ParameterArgumentValidationError'; Terminating = $true }
    ) {
        $row = @{ Item = $null; Terminating = $false }
        foreach ($key in @($row.Keys)) { if (Test-Path "variable:$key") { $row[$key] = Get-Variable $key -ValueOnly } }
        $spec = $LifecycleCmdlets | Where-Object { $_.Cmdlet -eq $Cmdlet }

        $run = Invoke-Row $spec $(if ($row.Terminating) { @() } else { @($row.Item) }) $Parameters

        if ($row.Terminating) {
            $run.Caught.FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
            $run.Requests | Should -Be 0
        } else {
            $run.Caught | Should -BeNullOrEmpty
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
            $run.Requests | Should -Be 2
        }
    }
}

Describe 'Bad-input matrix: device keys and provider identities' {
    BeforeAll {
        # valid-1 and valid-2 each have one device and one linked Google identity, so every valid item succeeds.
        function Invoke-IdentityRow([string] $Cmdlet, [hashtable] $Bad) {
            Reset-FakeStats
            Set-FakeGatewayFaults
            $pool = 'eu-west-1_BadI' + [guid]::NewGuid().ToString('n').Substring(0, 6)
            $users = 1, 2 | ForEach-Object {
                @{ Username = "valid-$_"; Devices = @(@{ DeviceKey = "eu-west-1_0000000$_-aaaa-4bbb-8ccc-00000000000$_" })
                    Attributes = @(@{ Name = 'identities'; Value = (ConvertTo-Json -Compress @(@{ userId = "g-$_"; providerName = 'Google'; providerType = 'Google'; primary = $false; dateCreated = 1767225600000 })) }) }
            }
            Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' `
                -Body (@{ pool = $pool; users = @($users); settings = @{ Providers = @(@{ ProviderName = 'Google'; ProviderType = 'Google' }) } } | ConvertTo-Json -Depth 8) | Out-Null
            $valid = 1, 2 | ForEach-Object {
                $linkedId = if ($Cmdlet -eq 'Add-CognitoUserIdentity') { "new-$_" } else { "g-$_" }
                @{ Username = "valid-$_"; UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl; DeviceKey = "eu-west-1_0000000$_-aaaa-4bbb-8ccc-00000000000$_"; ProviderName = 'Google'; ProviderUserId = $linkedId }
            }
            $badItem = $valid[0].Clone()
            foreach ($key in $Bad.Keys) { $badItem[$key] = $Bad[$key] }
            $caught = $null
            $errors = $null
            $items = @($valid[0], $badItem, $valid[1]) | ForEach-Object { [pscustomobject]$_ }
            try { $items | & $Cmdlet -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null } catch { $caught = $_ }
            [pscustomobject]@{ Caught = $caught; Errors = @($errors); Stats = (Get-FakeGatewayStats).byOperation }
        }
    }

    It '<Cmdlet> with a piped <Name>: <ErrorId> for that item, the valid ones are sent' -ForEach @(
        foreach ($bad in @(@{ Name = 'empty device key'; Value = @{ DeviceKey = '' }; ErrorId = 'DeviceKeyMissing' }, @{ Name = '56-character device key'; Value = @{ DeviceKey = 'k' * 56 }; ErrorId = 'DeviceKeyTooLong' },
                @{ Name = 'device key with a newline'; Value = @{ DeviceKey = "eu-west-1_1`n2" }; ErrorId = 'DeviceKeyInvalidCharacter' })) {
            @{ Cmdlet = 'Remove-CognitoUserDevice'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId; Operation = 'AdminForgetDevice' }
        }
        foreach ($cmdlet in @(@{ Name = 'Add-CognitoUserIdentity'; Operation = 'AdminLinkProviderForUser' }, @{ Name = 'Remove-CognitoUserIdentity'; Operation = 'AdminDisableProviderForUser' })) {
            foreach ($bad in @(@{ Name = 'blank provider name'; Value = @{ ProviderName = ' ' }; ErrorId = 'ProviderNameMissing' },
                    @{ Name = '33-character provider name'; Value = @{ ProviderName = 'p' * 33 }; ErrorId = 'ProviderNameTooLong' },
                    @{ Name = 'provider user id with a tab'; Value = @{ ProviderUserId = "g`t1" }; ErrorId = 'ProviderUserIdInvalidCharacter' },
                    @{ Name = '2049-character provider user id'; Value = @{ ProviderUserId = 'u' * 2049 }; ErrorId = 'ProviderUserIdTooLong' })) {
                @{ Cmdlet = $cmdlet.Name; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId; Operation = $cmdlet.Operation }
            }
        }
    ) {
        $run = Invoke-IdentityRow $Cmdlet $Bad

        $run.Caught | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
        $run.Errors[0].TargetObject | Should -Not -BeNullOrEmpty
        $run.Stats.$Operation | Should -Be 2 -Because 'both valid items are sent'
    }
}

Describe 'Bad-input matrix: group names' {
    BeforeAll {
        function Invoke-GroupRow([string] $Cmdlet, [object[]] $Items, [hashtable] $Parameters) {
            Reset-FakeStats
            Set-FakeGatewayFaults
            $pool = 'eu-west-1_BadG' + [guid]::NewGuid().ToString('n').Substring(0, 6)
            Add-FakeUsers $pool @(@{ Username = 'valid-1' }, @{ Username = 'valid-2' })
            Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body (@{ pool = $pool; groups = @(@{ GroupName = 'valid-group' }) } | ConvertTo-Json -Depth 4) | Out-Null
            $caught = $null
            $errors = $null
            $all = @{ UserPoolId = $pool; EndpointUrl = $FakeGatewayUrl } + $Parameters
            try { $Items | & $Cmdlet @all -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null } catch { $caught = $_ }
            [pscustomobject]@{ Caught = $caught; Errors = @($errors); Requests = (Get-FakeGatewayStats).requests }
        }
    }

    It '<Cmdlet> with a piped <Name> group name: <ErrorId> for that item, the valid ones are sent' -ForEach @(
        foreach ($bad in @(@{ Name = 'empty'; Value = ''; ErrorId = 'GroupNameMissing' }, @{ Name = '129-character'; Value = 'g' * 129; ErrorId = 'GroupNameTooLong' },
                @{ Name = 'space-holding'; Value = 'two words'; ErrorId = 'GroupNameInvalidCharacter' }, @{ Name = 'newline-holding'; Value = "new`nline"; ErrorId = 'GroupNameInvalidCharacter' })) {
            @{ Cmdlet = 'Add-CognitoGroupMember'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId }
            @{ Cmdlet = 'Remove-CognitoGroupMember'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId }
            @{ Cmdlet = 'New-CognitoGroup'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId }
            @{ Cmdlet = 'Get-CognitoGroupMember'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId }
            @{ Cmdlet = 'Remove-CognitoGroup'; Name = $bad.Name; Bad = $bad.Value; ErrorId = $bad.ErrorId }
        }
    ) {
        $items = if ($Cmdlet -like '*Member' -and $Cmdlet -ne 'Get-CognitoGroupMember') {
            @([pscustomobject]@{ Username = 'valid-1'; GroupName = 'valid-group' }, [pscustomobject]@{ Username = 'valid-1'; GroupName = $Bad },
              [pscustomobject]@{ Username = 'valid-2'; GroupName = 'valid-group' })
        } elseif ($Cmdlet -eq 'New-CognitoGroup') { @('new-1', $Bad, 'new-2') }
        elseif ($Cmdlet -eq 'Remove-CognitoGroup') { @('valid-group', $Bad) }
        else { @('valid-group', $Bad, 'valid-group') }
        $parameters = if ($Cmdlet -eq 'Remove-CognitoGroup') { @{ Force = $true } } else { @{} }

        $run = Invoke-GroupRow $Cmdlet $items $parameters

        $run.Caught | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
        $run.Requests | Should -BeGreaterThan 0
    }

    It 'Add-CognitoGroupMember -GroupName <Name> on the command line stops before any request: <ErrorId>' -ForEach @(
        @{ Name = 'empty'; Bad = ''; ErrorId = 'GroupNameMissing' }
        @{ Name = '129 characters'; Bad = 'g' * 129; ErrorId = 'GroupNameTooLong' }
        @{ Name = 'with a tab'; Bad = "tab`there"; ErrorId = 'GroupNameInvalidCharacter' }
    ) {
        $run = Invoke-GroupRow 'Add-CognitoGroupMember' @('valid-1', 'valid-2') @{ GroupName = @('valid-group', $Bad) }

        $run.Caught.FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
        $run.Caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Requests | Should -Be 0
    }
}
