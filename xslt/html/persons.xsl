<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe site module: persons.html, included by site.xsl (uses its
  $ts:docs, the documents in reading order).

  A person is an xml:id of listPerson/person or of sp/@who; the same id in
  two documents is the same person (teiscribe derives ids from names and
  keeps namesakes apart). Each person is listed once, by name:
      <li class="person" id="person-ID"><h2>Name</h2>
        <ul class="person-docs"><li> document link, date, roles,
          <ol class="turn-links"><li><a href="DOC.html#sp-N" title="first words">N</a>...
  A document page links its participants to persons.html#person-ID.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xmlns:s="urn:x-teiscribe:site"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:key name="turns-of" match="sp" use="ts:who(.)"/>

  <xsl:template name="persons-page">
    <xsl:variable name="ids" as="xs:string*"
        select="distinct-values($ts:docs/TEI/(teiHeader//particDesc//person/@xml:id ! string(), text//sp/ts:who(.)))"/>
    <xsl:variable name="people" as="map(*)*">
      <xsl:for-each select="$ids">
        <xsl:variable name="id" select="."/>
        <xsl:variable name="entries" select="$ts:docs/TEI/teiHeader//particDesc//person[@xml:id = $id]"/>
        <xsl:variable name="first-turn" select="($ts:docs/TEI/key('turns-of', $id, .))[1]"/>
        <xsl:sequence select="map {'id': $id,
            'name': (($entries ! ts:person-name(.))[.], $first-turn ! ts:speaker-name(.), $id)[1]}"/>
      </xsl:for-each>
    </xsl:variable>
    <p class="lede">
      <xsl:value-of select="count($people) || (if (count($people) = 1) then ' person takes' else ' persons take')"/>
      <xsl:text> part in the documents. The numbers are their turns: each links to the turn in its document.</xsl:text>
    </p>
    <ul class="person-list">
      <xsl:for-each select="$people">
        <xsl:sort select="lower-case(replace(?name, '\W', ''))"/>
        <xsl:call-template name="person-entry">
          <xsl:with-param name="id" select="?id"/>
          <xsl:with-param name="name" select="?name"/>
        </xsl:call-template>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="person-entry">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="name" as="xs:string"/>
    <li class="person" id="person-{$id}">
      <h2><xsl:value-of select="$name"/></h2>
      <ul class="person-docs">
        <xsl:for-each select="$ts:docs[TEI/(teiHeader//particDesc//person/@xml:id ! string(), text//sp/ts:who(.)) = $id]">
          <xsl:call-template name="person-in-doc">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="name" select="$name"/>
          </xsl:call-template>
        </xsl:for-each>
      </ul>
    </li>
  </xsl:template>

  <!-- The person $id in one document; context: s:doc. -->
  <xsl:template name="person-in-doc">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="person" select="TEI/teiHeader//particDesc//person[@xml:id = $id][1]"/>
    <xsl:variable name="roles" select="ts:role-labels($person/@role)"/>
    <xsl:variable name="date" select="TEI/teiHeader/profileDesc/creation/date[1]"/>
    <xsl:variable name="turns" select="key('turns-of', $id, TEI)"/>
    <li>
      <p class="person-doc">
        <a href="{@href}"><xsl:value-of select="ts:title(TEI)"/></a>
        <xsl:for-each select="$date">
          <xsl:text>, </xsl:text>
          <time datetime="{@when}"><xsl:value-of select="normalize-space(.)"/></time>
        </xsl:for-each>
        <xsl:if test="exists($roles)">
          <xsl:text> </xsl:text>
          <span class="role">(<xsl:value-of select="string-join($roles, ', ')"/>)</span>
        </xsl:if>
      </p>
      <xsl:choose>
        <xsl:when test="$turns">
          <p class="turn-count" id="turns-{$id}-{@id}">
            <xsl:value-of select="count($turns) || (if (count($turns) = 1) then ' turn' else ' turns')"/>
          </p>
          <ol class="turn-links" aria-labelledby="turns-{$id}-{@id}">
            <xsl:for-each select="$turns">
              <li><a href="{$doc/@href}#{ts:sp-anchor(.)}" title="{ts:snippet(., 12)}"
                  aria-label="Turn {ts:sp-number(.)}"><xsl:value-of select="ts:sp-number(.)"/></a></li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <p class="turn-count">No turns of their own.</p>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

</xsl:stylesheet>
