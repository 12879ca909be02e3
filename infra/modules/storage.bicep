// Two storage accounts, on purpose:
//
// 1. The DATA account: the Functions host's own storage (AzureWebJobsStorage: timer lease, function keys, the
//    step queues) and the app's data (container `data`: job sources and Parquet datasets). Shared-key
//    authorization is DISABLED: everything reaches it with the managed identity (Microsoft Entra ID + RBAC).
//
// 2. The SQLITE account: only the Azure Files share that is mounted into the app at /mounts/ingestdb and
//    holds ingest.db. App Service mounts an SMB share with the account key only (managed identity is not
//    supported for storage mounts), so shared-key access has to stay ENABLED here. Keeping it on a separate,
//    single-purpose account confines the key to that share: the key is read by the function app deployment
//    (listKeys) and stored in the app's mount configuration, never in an output or app setting, and it
//    grants nothing on the data account.

param location string
param tags object

param dataAccountName string
param dataContainerName string
@description('Queues to create on the data account: the step queue and its poison queue.')
param queueNames array

param sqliteAccountName string
@allowed([
  'Standard_LRS'
  'Premium_LRS'
])
param sqliteStorageSku string
param sqliteShareName string
param sqliteShareQuotaGiB int

var sqlitePremium = sqliteStorageSku == 'Premium_LRS'

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: dataAccount
  name: 'default'
  properties: {
    // A deleted dataset or source can be restored for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource dataContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: dataContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: dataAccount
  name: 'default'
}

// Created up front so that the app can enqueue the first step of a manual run (Storage Queues SDK) before the
// host has ever listened on the queue; the host would create them too.
resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource sqliteAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: sqliteAccountName
  location: location
  tags: tags
  kind: sqlitePremium ? 'FileStorage' : 'StorageV2'
  sku: {
    name: sqliteStorageSku
  }
  properties: {
    // Required by the SMB mount (see the top of this file). This account holds nothing but the share.
    allowSharedKeyAccess: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    // For SMB this also means: encrypted SMB 3.x only.
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: sqliteAccount
  name: 'default'
  properties: {
    // A deleted share (and with it the run history) can be undeleted for a week.
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource sqliteShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: sqliteShareName
  properties: {
    enabledProtocols: 'SMB'
    accessTier: sqlitePremium ? 'Premium' : 'TransactionOptimized'
    shareQuota: sqlitePremium ? max(sqliteShareQuotaGiB, 100) : sqliteShareQuotaGiB
  }
}

output dataAccountName string = dataAccount.name
output blobEndpoint string = dataAccount.properties.primaryEndpoints.blob
output queueEndpoint string = dataAccount.properties.primaryEndpoints.queue
output dataContainerName string = dataContainer.name
output sqliteAccountName string = sqliteAccount.name
output sqliteShareName string = sqliteShare.name
