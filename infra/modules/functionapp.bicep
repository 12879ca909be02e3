// The Linux App Service plan (one instance) and the function app running FunctionsIngest as a custom handler.

param location string
param tags object
param planName string
@description('Linux App Service plan SKU (Dedicated). See main.bicep for why Dedicated.')
param planSku string
param appName string
@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string
@description('Client id of that identity (not a secret): selects it for the host and for the app\'s Azure SDK clients.')
param identityClientId string
param appInsightsName string
param dataAccountName string
param dataContainerName string
param sqliteAccountName string
param sqliteShareName string
@description('Where the SQLite share appears inside the app; Ingest__DataDirectory points here. Must not be /, /home or under /tmp.')
param sqliteMountPath string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataAccountName
}

resource sqliteAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: sqliteAccountName
}

var storageSuffix = environment().suffixes.storage
var blobServiceUri = 'https://${dataAccount.name}.blob.${storageSuffix}'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    // ONE instance, and no autoscale setting anywhere in this template: SQLite on the share has one writer.
    capacity: 1
  }
  properties: {
    reserved: true // Linux
    perSiteScaling: false
    elasticScaleEnabled: false // no App Service automatic scaling (a Premium v3 feature): keep it at one instance
    zoneRedundant: false // zone redundancy would mean at least two instances
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  // azd finds the deployment target of service `app` (azure.yaml) by this tag.
  tags: union(tags, {
    'azd-service-name': 'app'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      // The custom handler is a framework-dependent .NET 10 ASP.NET Core app started as
      // `dotnet FunctionsIngest.App.dll` (host.json customHandler). The .NET isolated stack images are built on the
      // ASP.NET Core runtime image of their version (the 9.0 one starts FROM dotnet/aspnet:9.0), so the 10.0 image
      // should carry `dotnet` and Microsoft.AspNetCore.App 10; the worker that runs is chosen by
      // FUNCTIONS_WORKER_RUNTIME=custom, not by the image. UNVERIFIED until the first deployment. (The custom-handler stack entry has
      // an empty linuxFxVersion, which promises no .NET 10 runtime.)
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      // Timer and queue triggers on a Dedicated plan only run while the app is loaded.
      alwaysOn: true
      numberOfWorkers: 1
      use32BitWorkerProcess: false
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The SQLite share, mounted over SMB with the key of its own account (see storage.bicep). The key goes
      // into the site's configuration here and nowhere else (no output, no app setting).
      azureStorageAccounts: {
        ingestdb: {
          type: 'AzureFiles'
          accountName: sqliteAccount.name
          shareName: sqliteShareName
          mountPath: sqliteMountPath
          accessKey: sqliteAccount.listKeys().keys[0].value
        }
      }
      appSettings: [
        // --- Functions host -------------------------------------------------------------------------------
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'custom'
        }
        // Identity-based host storage; there is deliberately no plain `AzureWebJobsStorage` setting (a
        // connection string would take precedence). The generated function.json files name the connection
        // "AzureWebJobsStorage", so the RunStep/RunStepPoison queue triggers and the `next` queue output use
        // these settings too.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: dataAccount.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identityClientId}'
        }
        // Run the zip that `azd deploy` uploads as a read-only package; no build on the server (azd already
        // ran `dotnet publish`, which also generated the function.json folders next to host.json).
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        // DefaultAzureCredential / ManagedIdentityCredential in the app pick the user-assigned identity from here.
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        // --- FunctionsIngest ("Ingest" configuration section) -----------------------------------------------
        // ingest.db lives on the mounted share. No write-ahead log: WAL needs shared memory, which a network
        // file system does not give (rollback journal instead).
        {
          name: 'Ingest__DataDirectory'
          value: sqliteMountPath
        }
        {
          name: 'Ingest__UseWal'
          value: 'false'
        }
        {
          name: 'Ingest__StepLeaseSeconds'
          value: '60'
        }
        // Sources and datasets: the `data` blob container, reached with the managed identity (no key exists).
        {
          name: 'Ingest__Storage__Kind'
          value: 'blob'
        }
        {
          name: 'Ingest__Storage__ServiceUri'
          value: blobServiceUri
        }
        {
          name: 'Ingest__Storage__Container'
          value: dataContainerName
        }
        {
          name: 'Ingest__Storage__ManagedIdentityClientId'
          value: identityClientId
        }
        {
          name: 'Ingest__RequireDataDirectory'
          value: 'true'
        }
      ]
    }
  }
}

// No FTP publishing with basic credentials. (SCM basic auth is left at its default: `azd deploy` talks to the
// deployment endpoint; turning it off too is a reasonable hardening step once a deploy has been seen to work.)
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
