BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $NewPassword = 'N3w-Passw0rd!' + [guid]::NewGuid().ToString('n').Substring(0, 6)
    $SecurePassword = ConvertTo-SecureString $NewPassword -AsPlainText -Force

    function New-StaffPool {
        $pool = New-EmulatorPool -Url $EmulatorUrl -Name 'staff' -Username 'alice', 'bob', 'contractor-1', 'contractor-2', 'contractor-3', 'dave'
        Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminUpdateUserAttributes -Body @{
            UserPoolId = $pool.Id; Username = 'alice'; UserAttributes = @(@{ Name = 'email'; Value = 'ann@example.com' }) } | Out-Null
        Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminSetUserPassword -Body @{
            UserPoolId = $pool.Id; Username = 'bob'; Password = 'Bobs-Own-Passw0rd!'; Permanent = $true } | Out-Null
        Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminDisableUser -Body @{ UserPoolId = $pool.Id; Username = 'contractor-3' } | Out-Null
        $pool
    }
}

AfterAll {
    Disconnect-CognitoUserPool
    Stop-OwnTestServers
}

Describe 'Connect-CognitoUserPool and Get-CognitoUser against cognito-local' {
    BeforeEach {
        $Pool = New-StaffPool
        $Connection = Connect-CognitoUserPool $Pool.Id -EndpointUrl $EmulatorUrl
    }
    AfterEach { Disconnect-CognitoUserPool }

    It 'Connect-CognitoUserPool proves access and returns the pool summary' {
        $Connection.UserPoolId | Should -Be $Pool.Id
        $Connection.Name | Should -Be 'staff'
        $Connection.Region | Should -Be 'us-east-1'
        $Connection.PasswordPolicy.MinimumLength | Should -Be 8
        $Connection.PSObject.Properties.Name | Should -Contain 'EstimatedNumberOfUsers'
    }

    It 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Permanent confirms exactly those users' {
        $results = Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $SecurePassword -Permanent -PassThru

        $results.Username | Sort-Object | Should -Be @('alice', 'contractor-1', 'contractor-2', 'contractor-3', 'dave')
        foreach ($name in $results.Username) { (Get-EmulatorUser $Pool.Id $name).UserStatus | Should -Be 'CONFIRMED' }
        (Invoke-EmulatorSignIn $Pool 'alice' $NewPassword).AuthenticationResult.AccessToken | Should -Not -BeNullOrEmpty
        (Invoke-EmulatorSignIn $Pool 'bob' 'Bobs-Own-Passw0rd!').AuthenticationResult.AccessToken | Should -Not -BeNullOrEmpty   # bob was left alone
    }

    It 'Get-CognitoUser -Email finds the user, with every documented property' {
        $user = Get-CognitoUser -Email 'ann@example.com'

        $user.Username | Should -Be 'alice'
        $user.UserPoolId | Should -Be $Pool.Id
        $user.Email | Should -Be 'ann@example.com'
        $user.Sub | Should -Match '^[0-9a-f-]{36}$'
        $user.Status | Should -Be 'FORCE_CHANGE_PASSWORD'
        $user.Enabled | Should -BeTrue
        $user.Created | Should -BeOfType [datetime]
        $user.Created.Kind | Should -Be 'Local'
        $user.Modified | Should -BeOfType [datetime]
        $user.Attributes['EMAIL'] | Should -Be 'ann@example.com'
        $user.Region | Should -Be 'us-east-1'
        ($user | Format-List * | Out-String) | Should -Match 'Attributes'
        ($user | Out-String) | Should -Match 'Username\s+Status\s+Enabled\s+Email\s+Modified'   # the default table view
    }

    It 'Get-CognitoUser -UsernamePrefix -First | Set-CognitoUserPassword -WhatIf changes nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        Get-CognitoUser -UsernamePrefix 'contractor-' -First 50 | Set-CognitoUserPassword -Password $SecurePassword -WhatIf
        Stop-Transcript | Out-Null

        ([regex]::Matches((Get-Content $transcript -Raw), "What if: .*user 'contractor-\d' in user pool '$($Pool.Id)'")).Count | Should -Be 3
        (Get-CognitoUser -UsernamePrefix 'contractor-').Status | Should -Be @('FORCE_CHANGE_PASSWORD', 'FORCE_CHANGE_PASSWORD', 'FORCE_CHANGE_PASSWORD')
    }

    It '-First and -Skip page through the listing' {
        (Get-CognitoUser -UsernamePrefix 'contractor-' -First 2).Username | Should -Be @('contractor-1', 'contractor-2')
        (Get-CognitoUser -UsernamePrefix 'contractor-' -Skip 2).Username | Should -Be 'contractor-3'
    }

    It 'Get-CognitoUser with a name reads one user; an unknown one is a non-terminating ObjectNotFound error' {
        (Get-CognitoUser alice).Email | Should -Be 'ann@example.com'

        $users = Get-CognitoUser 'bob', 'nobody', 'dave' -ErrorVariable failures -ErrorAction SilentlyContinue

        $users.Username | Should -Be @('bob', 'dave')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,CognitoPs.Commands.GetCognitoUserCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nobody'
    }

    It 'combines -Enabled / -Disabled with a server-side filter' {
        (Get-CognitoUser -UsernamePrefix 'contractor-' -Disabled).Username | Should -Be 'contractor-3'
        (Get-CognitoUser -UsernamePrefix 'contractor-' -Enabled).Username | Should -Be @('contractor-1', 'contractor-2')
        (Get-CognitoUser -Status CONFIRMED -Enabled).Username | Should -Be 'bob'
    }

    It 'a raw -Filter goes to Cognito as written' {
        (Get-CognitoUser -Filter 'username ^= "contractor-"' -Disabled).Username | Should -Be 'contractor-3'
    }

    It 'values with quotes and backslashes neither break nor extend the filter' {
        Get-CognitoUser -Email 'x" or username ^= "' -ErrorAction Stop | Should -BeNullOrEmpty
        Get-CognitoUser -UsernamePrefix 'a\"' -ErrorAction Stop | Should -BeNullOrEmpty
        Get-CognitoUser -UsernamePrefix '"' -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'explicit parameters win over the connected pool' {
        $other = New-EmulatorPool -Url $EmulatorUrl -Name 'other' -Username 'zoe'

        (Get-CognitoUser -UserPoolId $other.Id).Username | Should -Be 'zoe'
        (Get-CognitoUser -First 1).UserPoolId | Should -Be $Pool.Id
    }

    It 'Get-CognitoUserPool lists the region''s pools and describes one' {
        (Get-CognitoUserPool).UserPoolId | Should -Contain $Pool.Id
        $one = Get-CognitoUserPool $Pool.Id
        $one.Name | Should -Be 'staff'
        $one.PasswordPolicy.RequireSymbols | Should -BeTrue
        Get-CognitoUserPool 'local_NoSuchPool1' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,CognitoPs.Commands.GetCognitoUserPoolCommand'
    }

    It 'after Disconnect-CognitoUserPool a missing pool id is a terminating error that says how to fix it' {
        Disconnect-CognitoUserPool
        $caught = $null
        try { Get-CognitoUser -EndpointUrl $EmulatorUrl } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'UserPoolIdMissing,CognitoPs.Commands.GetCognitoUserCommand'
        "$caught" | Should -Match 'Connect-CognitoUserPool'
        { 'alice' | Set-CognitoUserPassword -Password $SecurePassword -EndpointUrl $EmulatorUrl } |
            Should -Throw -ErrorId 'UserPoolIdMissing,CognitoPs.Commands.SetCognitoUserPasswordCommand'
    }

    It 'Connect-CognitoUserPool to a pool that does not exist is a terminating ObjectNotFound' {
        { Connect-CognitoUserPool 'local_NoSuchPool1' -EndpointUrl $EmulatorUrl } |
            Should -Throw -ErrorId 'ResourceNotFound,CognitoPs.Commands.ConnectCognitoUserPoolCommand'
    }
}

Describe 'Objects from elsewhere bind by property name' {
    BeforeEach { $Pool = New-StaffPool }

    It 'an AWS.Tools-style UserType (UserName property) binds Username' {
        $fromAwsTools = [pscustomobject]@{ UserName = 'dave'; UserStatus = 'FORCE_CHANGE_PASSWORD'; Enabled = $true; Attributes = @() }

        $fromAwsTools | Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -Permanent -EndpointUrl $EmulatorUrl

        (Get-EmulatorUser $Pool.Id 'dave').UserStatus | Should -Be 'CONFIRMED'
    }

    It 'a CSV with Username and UserPoolId columns binds both, also into Get-CognitoUser' {
        $csv = Join-Path $TestDrive 'people.csv'
        "Username,UserPoolId`nbob,$($Pool.Id)`ndave,$($Pool.Id)" | Set-Content $csv

        (Import-Csv $csv | Get-CognitoUser -EndpointUrl $EmulatorUrl).Status | Should -Be @('CONFIRMED', 'FORCE_CHANGE_PASSWORD')
    }

    It 'an object with only an Email binds as the user name (pools that sign in by email)' {
        $emailPool = (Invoke-CognitoApi -Url $EmulatorUrl -Operation CreateUserPool -Body @{ PoolName = 'by-email'; UsernameAttributes = @('email') }).UserPool
        Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminCreateUser -Body @{
            UserPoolId = $emailPool.Id; Username = 'ann@example.com'; TemporaryPassword = 'Initial-Temp-1'; MessageAction = 'SUPPRESS' } | Out-Null

        [pscustomobject]@{ Email = 'ann@example.com'; Department = 'Sales' } |
            Set-CognitoUserPassword -UserPoolId $emailPool.Id -Password $SecurePassword -Permanent -EndpointUrl $EmulatorUrl

        (Get-EmulatorUser $emailPool.Id 'ann@example.com').UserStatus | Should -Be 'CONFIRMED'
    }

    It 'an object with no user name property fails alone, without a request' {
        $results = 'bob', [pscustomobject]@{ Department = 'Sales' }, 'dave' |
            Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -PassThru -EndpointUrl $EmulatorUrl -ErrorVariable failures -ErrorAction SilentlyContinue

        $results.Username | Should -Be @('bob', 'dave')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Match '^ParameterArgumentTransformationError'
    }
}

Describe 'Get-CognitoUser paging against the Cognito stand-in' {
    BeforeAll { $Paged = @{ UserPoolId = 'eu-west-1_Paged500'; EndpointUrl = $FakeUrl } }
    BeforeEach { Reset-FakeStats }

    It '-First 10 sends one request with Limit 10' {
        (Get-CognitoUser @Paged -First 10).Username | Should -Be (1..10 | ForEach-Object { 'user-{0:000000}' -f $_ })
        (Get-FakeStats).listUsersLimits | Should -Be @(10)
    }

    It 'follows tokens through short and empty pages to the last user, never asking for more than 60' {
        $users = Get-CognitoUser @Paged

        $users.Count | Should -Be 500
        ($users.Username | Sort-Object -Unique).Count | Should -Be 500
        $stats = Get-FakeStats
        $stats.listUsersLimits | ForEach-Object { $_ | Should -BeLessOrEqual 60 }
        $stats.byOperation.ListUsers | Should -BeGreaterThan 9
        $stats.signatureFailures | Should -Be 0
    }

    It '-Skip and -First select the right window' {
        (Get-CognitoUser @Paged -Skip 100 -First 3).Username | Should -Be @('user-000101', 'user-000102', 'user-000103')
    }

    It 'stops requesting pages when Select-Object -First has enough' {
        (Get-CognitoUser @Paged | Select-Object -First 3).Count | Should -Be 3
        (Get-FakeStats).byOperation.ListUsers | Should -Be 1
    }

    It '-Disabled alone is filtered by Cognito (status = "Disabled")' {
        $disabled = Get-CognitoUser @Paged -Disabled
        $disabled.Count | Should -Be 50
        $disabled.Enabled | Should -Not -Contain $true
        (Get-FakeStats).byOperation.ListUsers | Should -Be 1
    }

    It '-ThrottleLimit 8 lists 10,000 users as 16 sub partitions side by side: the same set as one serial listing, none twice' {
        $big = @{ UserPoolId = 'eu-west-1_Paged10000'; EndpointUrl = $FakeUrl }
        $serial = (Get-CognitoUser @big).Username
        Reset-FakeStats

        $parallel = (Get-CognitoUser @big -ThrottleLimit 8).Username

        $serial.Count | Should -Be 10000
        $parallel.Count | Should -Be 10000
        ($parallel | Sort-Object -Unique).Count | Should -Be 10000
        Compare-Object $serial $parallel | Should -BeNullOrEmpty
        $filters = (Get-FakeStats).listUsersFilters.PSObject.Properties.Name | Sort-Object
        $filters | Should -Be @('0123456789abcdef'.ToCharArray() | ForEach-Object { "sub ^= `"$_`"" })
    }

    It 'an endpoint that refuses the sub prefix filter gets one serial listing and a warning, still every user once' {
        $users = Get-CognitoUser -UserPoolId 'eu-west-1_Paged300_ExactSub' -EndpointUrl $FakeUrl -ThrottleLimit 8 -WarningVariable warned -WarningAction SilentlyContinue

        ($users.Username | Sort-Object -Unique).Count | Should -Be 300
        $users.Count | Should -Be 300
        "$warned" | Should -Match 'refuses the filter sub \^= "0"'
        (Get-FakeStats).listUsersFilters.PSObject.Properties.Name | Should -Be @('sub ^= "0"', '(none)')
    }

    It '-ThrottleLimit with -First or a server-side filter lists serially, in Cognito''s order' {
        (Get-CognitoUser @Paged -ThrottleLimit 8 -First 3).Username | Should -Be @('user-000001', 'user-000002', 'user-000003')
        (Get-CognitoUser @Paged -ThrottleLimit 8 -Disabled).Count | Should -Be 50
        (Get-FakeStats).listUsersFilters.PSObject.Properties.Name | Should -Be @('(none)', 'status = "Disabled"')
    }

    It 'users carry the pool''s region into Set-CognitoUserPassword' {
        $results = Get-CognitoUser @Paged -First 2 | Set-CognitoUserPassword -Password $SecurePassword -PassThru
        $results.Region | Should -Be @('eu-west-1', 'eu-west-1')
        (Get-FakeStats).byOperation.AdminSetUserPassword | Should -Be 2
    }
}
