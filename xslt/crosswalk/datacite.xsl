<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe crosswalk: teiHeader -> DataCite Metadata Schema 4.7 (kernel-4) XML.

  Input : a TEI P5 document written by teiscribe.
  Param : $deposit-date (xs:string, ISO 8601 YYYY-MM-DD): the date of the deposit;
          its year is publicationYear when the header has no publicationStmt/date.
  Output: one resource element valid against kernel-4.7/metadata.xsd. The six
          mandatory properties (identifier, creators, titles, publisher,
          publicationYear, resourceType) are always written; when the header
          lacks one, DataCite's standard value for unknown information is used
          (":unav", DataCite 4.7 Appendix 3) and the readiness check of
          `teiscribe deposit` reports the gap. Field by field: docs/deposit.md.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns="http://datacite.org/schema/kernel-4"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="xs cw">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="deposit-date" as="xs:string" select="string(current-date())"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="h" select="cw:header($doc)"/>
    <xsl:variable name="pid" select="cw:pids($doc)[1]"/>
    <xsl:variable name="lang" select="cw:language($doc)"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.7/metadata.xsd">
      <xsl:variable name="local" select="($h/fileDesc/publicationStmt/idno[normalize-space()] except cw:pids($doc))[1]"/>
      <identifier identifierType="{if (lower-case($pid/@type) = 'doi') then 'DOI'
          else if ($pid) then 'URL' else if ($local/@type) then $local/@type else 'Local'}">
        <xsl:value-of select="if (lower-case($pid/@type) = 'doi') then substring-after(cw:doi-uri($pid), 'https://doi.org/')
            else ($pid, $local, root($doc)/TEI/@xml:id, ':unav')[normalize-space()][1] ! normalize-space()"/>
      </identifier>
      <creators>
        <xsl:for-each select="cw:creators($doc)">
          <creator>
            <xsl:call-template name="cw:person-name"><xsl:with-param name="element" select="'creatorName'"/></xsl:call-template>
          </creator>
        </xsl:for-each>
        <xsl:if test="empty(cw:creators($doc))">
          <creator><creatorName>:unav</creatorName></creator>
        </xsl:if>
      </creators>
      <titles>
        <title>
          <xsl:for-each select="$lang"><xsl:attribute name="xml:lang" select="."/></xsl:for-each>
          <xsl:value-of select="(cw:title($doc), ':unav')[1]"/>
        </title>
        <xsl:for-each select="cw:other-titles($doc)">
          <title titleType="{if (@type = 'sub') then 'Subtitle' else 'AlternativeTitle'}">
            <xsl:value-of select="normalize-space()"/>
          </title>
        </xsl:for-each>
      </titles>
      <publisher><xsl:value-of select="(cw:publisher($doc), ':unav')[1]"/></publisher>
      <publicationYear><xsl:value-of select="substring((cw:issued($doc), $deposit-date)[1], 1, 4)"/></publicationYear>
      <resourceType resourceTypeGeneral="Text">TEI P5 digital edition</resourceType>
      <xsl:if test="exists(cw:keywords($doc))">
        <subjects>
          <xsl:for-each select="cw:keywords($doc)"><subject><xsl:value-of select="."/></subject></xsl:for-each>
        </subjects>
      </xsl:if>
      <xsl:if test="exists(cw:resp-stmts($doc))">
        <contributors>
          <xsl:for-each select="cw:resp-stmts($doc)">
            <xsl:variable name="role" select="cw:role(.)"/>
            <xsl:for-each select="cw:names(.)">
              <contributor contributorType="{$role}">
                <xsl:call-template name="cw:person-name"><xsl:with-param name="element" select="'contributorName'"/></xsl:call-template>
              </contributor>
            </xsl:for-each>
          </xsl:for-each>
        </contributors>
      </xsl:if>
      <xsl:if test="exists((cw:date($doc), cw:issued($doc)))">
        <dates>
          <xsl:for-each select="cw:date($doc)"><date dateType="Coverage"><xsl:value-of select="."/></date></xsl:for-each>
          <xsl:for-each select="cw:issued($doc)"><date dateType="Issued"><xsl:value-of select="."/></date></xsl:for-each>
        </dates>
      </xsl:if>
      <xsl:if test="$lang castable as xs:language">
        <language><xsl:value-of select="$lang"/></language>
      </xsl:if>
      <xsl:variable name="others" select="$h/fileDesc/publicationStmt/idno[normalize-space()] except $pid"/>
      <xsl:if test="exists($others)">
        <alternateIdentifiers>
          <xsl:for-each select="$others">
            <alternateIdentifier alternateIdentifierType="{(@type, 'Local')[1]}"><xsl:value-of select="normalize-space()"/></alternateIdentifier>
          </xsl:for-each>
        </alternateIdentifiers>
      </xsl:if>
      <xsl:for-each select="cw:source-url($doc)">
        <relatedIdentifiers>
          <relatedIdentifier relatedIdentifierType="URL" relationType="IsDerivedFrom"><xsl:value-of select="."/></relatedIdentifier>
        </relatedIdentifiers>
      </xsl:for-each>
      <formats>
        <format>application/tei+xml</format>
        <format>text/html</format>
        <format>application/pdf</format>
      </formats>
      <xsl:if test="exists(cw:licences($doc))">
        <rightsList>
          <xsl:for-each select="cw:licences($doc)">
            <xsl:variable name="spdx" select="cw:spdx(@target)"/>
            <rights>
              <xsl:if test="normalize-space(@target)"><xsl:attribute name="rightsURI" select="normalize-space(@target)"/></xsl:if>
              <xsl:if test="exists($spdx)">
                <xsl:attribute name="rightsIdentifier" select="$spdx"/>
                <xsl:attribute name="rightsIdentifierScheme" select="'SPDX'"/>
                <xsl:attribute name="schemeURI" select="'https://spdx.org/licenses/'"/>
              </xsl:if>
              <xsl:value-of select="(normalize-space(.)[.], normalize-space(@target))[1]"/>
            </rights>
          </xsl:for-each>
        </rightsList>
      </xsl:if>
      <descriptions>
        <xsl:for-each select="$h/profileDesc/abstract[normalize-space()]">
          <description descriptionType="Abstract">
            <xsl:for-each select="$lang"><xsl:attribute name="xml:lang" select="."/></xsl:for-each>
            <xsl:call-template name="cw:paragraphs"/>
          </description>
        </xsl:for-each>
        <xsl:for-each select="$h/encodingDesc/editorialDecl[normalize-space()]">
          <description descriptionType="Methods">
            <xsl:call-template name="cw:paragraphs"/>
          </description>
        </xsl:for-each>
        <description descriptionType="TechnicalInfo">
          <xsl:value-of select="string-join(('TEI P5 XML',
              $h/encodingDesc/appInfo/application ! ('encoded by ' || normalize-space(label) || ' ' || @version)), ', ')"/>
          <xsl:text>; HTML reading edition and PDF print edition generated from it.</xsl:text>
        </description>
      </descriptions>
    </resource>
  </xsl:template>

  <!-- creatorName/contributorName (+ givenName, familyName) for the name element in context. -->
  <xsl:template name="cw:person-name">
    <xsl:param name="element" as="xs:string"/>
    <xsl:variable name="p" select="(descendant-or-self::persName)[1]"/>
    <xsl:element name="{$element}">
      <xsl:for-each select="cw:name-type(.)"><xsl:attribute name="nameType" select="."/></xsl:for-each>
      <xsl:value-of select="cw:name(.)"/>
    </xsl:element>
    <xsl:if test="$p/forename and $p/surname">
      <givenName><xsl:value-of select="normalize-space(string-join($p/forename, ' '))"/></givenName>
      <familyName><xsl:value-of select="normalize-space(string-join($p/surname, ' '))"/></familyName>
    </xsl:if>
  </xsl:template>

  <!-- The text of the context element, one line per descendant p (joined by br). -->
  <xsl:template name="cw:paragraphs">
    <xsl:variable name="lines" select="if (.//p) then .//p ! normalize-space() else normalize-space()"/>
    <xsl:for-each select="$lines[.]">
      <xsl:if test="position() gt 1"><br/></xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
